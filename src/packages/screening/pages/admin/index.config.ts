export default definePageConfig({ navigationBarTitleText: '筛查项目看板' })
