export default definePageConfig({ navigationBarTitleText: '联谊活动' })
