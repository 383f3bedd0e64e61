export default definePageConfig({ navigationBarTitleText: '事项办理' });
