export default definePageConfig({ navigationBarTitleText: '紧急事件' });
