export default definePageConfig({ navigationBarTitleText: '登记新群' });
