export default definePageConfig({ navigationBarTitleText: '交友资料' })
