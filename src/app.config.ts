export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index', 'pages/verify/index', 'pages/login/index', 'pages/staff/index', 'pages/officer/index'],
  // One subpackage per service keeps the main package small; each loads when first opened.
  subPackages: [
    { root: 'packages/matchmaking', pages: ['pages/index/index'] },
    { root: 'packages/screening', pages: ['pages/index/index'] },
    { root: 'packages/vouchers', pages: ['pages/index/index'] },
    { root: 'packages/events', pages: ['pages/index/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '工会会员服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
})
