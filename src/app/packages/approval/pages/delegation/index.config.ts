export default definePageConfig({ navigationBarTitleText: '设置代理' });
