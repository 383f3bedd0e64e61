export default definePageConfig({ navigationBarTitleText: '领导裁决' });
