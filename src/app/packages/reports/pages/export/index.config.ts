export default definePageConfig({ navigationBarTitleText: '导出 Excel' });
