export default definePageConfig({ navigationBarTitleText: '批量处理' });
