export default definePageConfig({ navigationBarTitleText: '工会干部入口' })
