export default definePageConfig({ navigationBarTitleText: '群名册', enablePullDownRefresh: true, enableShareAppMessage: true });
