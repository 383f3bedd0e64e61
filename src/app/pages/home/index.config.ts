export default definePageConfig({ navigationBarTitleText: '群务' });
