export default definePageConfig({ navigationBarTitleText: '领导视图', enablePullDownRefresh: true });
