export default definePageConfig({ navigationBarTitleText: '两癌筛查' })
