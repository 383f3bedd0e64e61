export default definePageConfig({ navigationBarTitleText: '聊天记录备份' });
