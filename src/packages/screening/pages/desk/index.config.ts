export default definePageConfig({ navigationBarTitleText: '筛查点工作台' })
