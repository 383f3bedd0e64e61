export default definePageConfig({ navigationBarTitleText: '紧急事件', enableShareAppMessage: true });
