export default definePageConfig({ navigationBarTitleText: '联谊会签到台' })
