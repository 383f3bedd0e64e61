export default definePageConfig({ navigationBarTitleText: '群通知', enablePullDownRefresh: true });
