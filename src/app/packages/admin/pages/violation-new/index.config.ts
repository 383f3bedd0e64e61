export default definePageConfig({ navigationBarTitleText: '处理群成员违规' });
