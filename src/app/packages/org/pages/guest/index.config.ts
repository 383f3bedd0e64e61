export default definePageConfig({ navigationBarTitleText: '外部人员入群申请' });
