export default definePageConfig({ navigationBarTitleText: '我发布的通知', enablePullDownRefresh: true });
