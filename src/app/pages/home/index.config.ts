export default definePageConfig({ navigationBarTitleText: '群务', enablePullDownRefresh: true });
