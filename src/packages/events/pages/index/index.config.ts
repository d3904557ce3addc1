export default definePageConfig({ navigationBarTitleText: '集章打卡 · 活动签到' })
