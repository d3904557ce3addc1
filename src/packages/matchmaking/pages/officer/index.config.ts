export default definePageConfig({ navigationBarTitleText: '会聚良缘管理' })
