export default definePageConfig({ navigationBarTitleText: '违规处理' });
