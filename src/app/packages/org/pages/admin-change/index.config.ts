export default definePageConfig({ navigationBarTitleText: '申请变更管理员' });
