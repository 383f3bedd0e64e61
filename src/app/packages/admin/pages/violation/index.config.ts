export default definePageConfig({ navigationBarTitleText: '处理违规申诉' });
