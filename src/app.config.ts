export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index', 'pages/verify/index', 'pages/login/index', 'pages/staff/index', 'pages/officer/index'],
  // One subpackage per service keeps the main package small; each loads when first opened.
  subPackages: [
    { root: 'packages/matchmaking', pages: ['pages/index/index', 'pages/mixer/index', 'pages/profile/index', 'pages/mine/index', 'pages/pick/index', 'pages/matches/index', 'pages/report/index', 'pages/station/index', 'pages/officer/index', 'pages/edit/index', 'pages/review/index', 'pages/reports/index'] },
    { root: 'packages/screening', pages: ['pages/index/index', 'pages/programme/index', 'pages/book/index', 'pages/booking/index', 'pages/outbox/index', 'pages/desk/index', 'pages/session/index', 'pages/admin/index', 'pages/programme-edit/index'] },
    { root: 'packages/vouchers', pages: ['pages/index/index', 'pages/mine/index', 'pages/code/index', 'pages/till/index', 'pages/today/index', 'pages/statement/index', 'pages/merchants/index', 'pages/campaigns/index', 'pages/dashboard/index'] },
    { root: 'packages/events', pages: ['pages/index/index', 'pages/stamp-card/index', 'pages/gift-code/index', 'pages/checkin/index', 'pages/mine/index', 'pages/staff/index', 'pages/gift-desk/index', 'pages/station/index', 'pages/officer/index', 'pages/booth-codes/index', 'pages/dashboard/index', 'pages/edit/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '工会会员服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
})
