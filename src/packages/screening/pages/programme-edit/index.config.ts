export default definePageConfig({ navigationBarTitleText: '新建筛查项目' })
