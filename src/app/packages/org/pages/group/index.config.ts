export default definePageConfig({ navigationBarTitleText: '群名册' });
