export default definePageConfig({ navigationBarTitleText: '打印展位码' })
