export default definePageConfig({ navigationBarTitleText: '申请查阅聊天记录' });
