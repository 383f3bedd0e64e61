export default definePageConfig({ navigationBarTitleText: '查阅授权' });
