export default definePageConfig({ navigationBarTitleText: '工会消费券' })
