export default definePageConfig({ navigationBarTitleText: '活动工作台' })
