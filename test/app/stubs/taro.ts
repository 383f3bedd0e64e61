// @tarojs/taro as jest mocks: each test sets what the APIs answer and asserts what was called.
const router: { params: Record<string, string | undefined> } = { params: {} };

export function setRouterParams(params: Record<string, string>): void {
  router.params = params;
}

export const useRouter = jest.fn(() => router);
export const getCurrentInstance = jest.fn(() => ({ router }));
// Pages load on mount; a later "show again" is not part of these tests.
export const useDidShow = jest.fn();
export const useDidHide = jest.fn();
export const useLoad = jest.fn();
export const useReachBottom = jest.fn();
export const usePullDownRefresh = jest.fn();
/** Keeps the page's share handler, so a test can ask it for the card as WeChat would. */
export const useShareAppMessage = jest.fn();

const ok = (extra: Record<string, unknown> = {}) => jest.fn(async () => ({ errMsg: 'ok', ...extra }));

export const navigateTo = ok();
export const redirectTo = ok();
export const switchTab = ok();
export const navigateBack = ok();
export const reLaunch = ok();
export const showToast = ok();
export const showLoading = ok();
export const hideLoading = ok();
export const showModal = jest.fn(async () => ({ errMsg: 'ok', confirm: true, cancel: false }));
export const setClipboardData = ok();
export const stopPullDownRefresh = ok();
export const setNavigationBarTitle = ok();
/** Not opened from a group chat unless a test says so (WeChat answers 40097). */
export const getGroupEnterInfo = jest.fn((o: { success?: (r: unknown) => void; fail?: (e: unknown) => void }) => o.fail?.({ errMsg: 'getGroupEnterInfo:fail 40097' }));
/** Picking a file from a WeChat chat: a test says which files, or the person cancels. */
export const chooseMessageFile = jest.fn(async (): Promise<{ tempFiles: { path: string; name: string; size: number }[] }> => {
  throw new Error('chooseMessageFile:fail cancel');
});
export const downloadFile = jest.fn(async () => ({ tempFilePath: 'wxfile://tmp', statusCode: 200, errMsg: 'ok' }));
export const openDocument = ok();
export const request = jest.fn(async () => ({ statusCode: 200, data: null, header: {}, errMsg: 'ok' }));
export const requestSubscribeMessage = jest.fn(async (o: { tmplIds: string[] }) =>
  Object.fromEntries([['errMsg', 'requestSubscribeMessage:ok'], ...o.tmplIds.map((id) => [id, 'accept'])]),
);
export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(async () => ({ result: undefined })),
  uploadFile: jest.fn(async (o: { cloudPath: string }) => ({ fileID: `cloud://env/${o.cloudPath}`, statusCode: 200, errMsg: 'ok' })),
};

const Taro = {
  useRouter,
  getCurrentInstance,
  useDidShow,
  useDidHide,
  useLoad,
  useReachBottom,
  usePullDownRefresh,
  useShareAppMessage,
  navigateTo,
  redirectTo,
  switchTab,
  navigateBack,
  reLaunch,
  showToast,
  showLoading,
  hideLoading,
  showModal,
  setClipboardData,
  stopPullDownRefresh,
  setNavigationBarTitle,
  getGroupEnterInfo,
  chooseMessageFile,
  downloadFile,
  openDocument,
  request,
  requestSubscribeMessage,
  cloud,
};
export default Taro;
