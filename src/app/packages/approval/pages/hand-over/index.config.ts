export default definePageConfig({ navigationBarTitleText: '转交' });
