export default definePageConfig({ navigationBarTitleText: '会聚良缘' })
