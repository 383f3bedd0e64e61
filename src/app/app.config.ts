// Only the tab pages stay in the main package (400 KB budget); every other page lives in a subpackage
// (R15). The case page, which most notifications open, is preloaded when a tab shows (preloadRule).
// Dark mode: WeChat paints the navigation and tab bars from theme.json by variable name (weapp only);
// the h5 build's bars read the same colours from app.scss's CSS variables.
const weapp = process.env.TARO_ENV === 'weapp';
const themed = <T extends string>(name: string, css: string): T => (weapp ? `@${name}` : css) as T;

export default defineAppConfig({
  darkmode: true,
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/case'] },
    'pages/inbox/index': { network: 'all', packages: ['packages/case'] },
  },
  themeLocation: 'theme.json',
  pages: [
    'pages/home/index',
    'pages/inbox/index',
    'pages/me/index',
  ],
  subPackages: [
    // The case page (notifications and share cards land here); app.ts sends the old path on to it.
    { root: 'packages/case', pages: ['pages/case/index'] },
    {
      root: 'packages/admin',
      pages: ['pages/review/index', 'pages/settings/index', 'pages/backups/index', 'pages/backup/index', 'pages/violation-new/index', 'pages/violation/index'],
    },
    { root: 'packages/records', pages: ['pages/request/index', 'pages/grant/index'] },
    { root: 'packages/leader', pages: ['pages/overview/index', 'pages/ruling/index'] },
    // 站内消息 moved out of the main package to make room for 首页's notices (issue 15).
    // 申请改名 moved out as well, to make room for issue 20's screen work.
    { root: 'packages/member', pages: ['pages/violation/index', 'pages/notifications/index', 'pages/rename/index'] },
    // Notices (§4): only 首页's 待确认的通知 lives in the main package.
    { root: 'packages/notices', pages: ['pages/notice/index', 'pages/publish/index', 'pages/receipts/index', 'pages/group/index', 'pages/published/index'] },
    // Emergencies (§5.3) and member feedback (§3.2); 首页 shows an active emergency, 待办 feedback to handle.
    { root: 'packages/respond', pages: ['pages/emergency-new/index', 'pages/emergency/index', 'pages/feedback-new/index', 'pages/feedback/index'] },
    // Joining, the organisation, groups and their rosters, and every case kind but rename.
    {
      root: 'packages/org',
      pages: [
        'pages/join/index',
        'pages/setup/index',
        'pages/group-new/index',
        'pages/invite/index',
        'pages/group/index',
        'pages/guest/index',
        'pages/admin-change/index',
        'pages/act/index',
      ],
    },
    // Reports (issue 17): every chart page and the exports. The only package that imports ECharts.
    { root: 'packages/reports', pages: ['pages/overview/index', 'pages/drill/index', 'pages/export/index', 'pages/exports/index'] },
    // Approval ergonomics (issue 19): 设置代理, the 转交 form and 待办's 批量处理.
    { root: 'packages/approval', pages: ['pages/delegation/index', 'pages/hand-over/index', 'pages/batch/index'] },
    // 全部事项 (issue 19): every case of the caller's scope, filtered.
    { root: 'packages/search', pages: ['pages/cases/index'] },
  ],
  window: {
    backgroundTextStyle: themed<'light' | 'dark'>('bgTxtStyle', 'dark'),
    navigationBarBackgroundColor: themed('navBgColor', 'var(--qw-surface)'),
    navigationBarTitleText: '群务',
    navigationBarTextStyle: themed<'black' | 'white'>('navTxtStyle', 'black'),
    backgroundColor: themed('bgColor', 'var(--qw-bg)'),
  },
  tabBar: {
    color: themed('tabColor', 'var(--qw-muted)'),
    selectedColor: themed('tabSelectedColor', 'var(--qw-green)'),
    backgroundColor: themed('tabBgColor', 'var(--qw-surface)'),
    borderStyle: themed<'black' | 'white'>('tabBorderStyle', 'white'),
    // Icons drawn by assets/tabbar/make-icons.mjs.
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/inbox/index', text: '待办', iconPath: 'assets/tabbar/inbox.png', selectedIconPath: 'assets/tabbar/inbox-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
});
