export default definePageConfig({ navigationBarTitleText: '发起紧急事件' });
