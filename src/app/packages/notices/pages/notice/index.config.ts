// The card WeChat shares comes from useShareAppMessage; Taro registers it only with this flag.
export default definePageConfig({ navigationBarTitleText: '通知', enableShareAppMessage: true });
