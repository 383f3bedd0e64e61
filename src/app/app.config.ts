// Tab pages and the pages a notification opens stay in the main package; admin and leader pages
// live in subpackages (R15).
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/inbox/index',
    'pages/me/index',
    'pages/rename/index',
    'pages/case/index',
    'pages/notifications/index',
  ],
  subPackages: [
    { root: 'packages/admin', pages: ['pages/review/index', 'pages/settings/index', 'pages/violation-new/index', 'pages/violation/index'] },
    { root: 'packages/leader', pages: ['pages/overview/index', 'pages/ruling/index'] },
    { root: 'packages/member', pages: ['pages/violation/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '群务',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#646a73',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页' },
      { pagePath: 'pages/inbox/index', text: '待办' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
});
