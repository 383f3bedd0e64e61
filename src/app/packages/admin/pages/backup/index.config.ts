export default definePageConfig({ navigationBarTitleText: '备份详情' });
