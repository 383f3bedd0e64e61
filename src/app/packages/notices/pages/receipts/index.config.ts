export default definePageConfig({ navigationBarTitleText: '确认情况' });
