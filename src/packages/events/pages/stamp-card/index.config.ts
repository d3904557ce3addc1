export default definePageConfig({ navigationBarTitleText: '我的集章卡' })
