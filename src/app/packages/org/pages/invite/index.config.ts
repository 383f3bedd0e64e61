export default definePageConfig({ navigationBarTitleText: '邀请卡片' });
