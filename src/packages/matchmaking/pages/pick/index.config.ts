export default definePageConfig({ navigationBarTitleText: '心动选择' })
