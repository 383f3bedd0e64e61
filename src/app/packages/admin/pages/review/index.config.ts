export default definePageConfig({ navigationBarTitleText: '审批改名申请' });
