// @tarojs/taro as jest mocks: each test sets what the APIs answer and asserts what was called.
import { useEffect, useRef } from 'react';
const router: { params: Record<string, string | undefined> } = { params: {} };

export function setRouterParams(params: Record<string, string>): void {
  router.params = params;
}

export const useRouter = jest.fn(() => router);
export const getCurrentInstance = jest.fn(() => ({ router }));
/** Each mounted useDidShow's latest handler: `showPage()` runs each once, as WeChat runs a page's onShow. */
const showHandlers = new Set<{ current: () => void }>();
export const useDidShow = jest.fn((cb: () => void) => {
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    showHandlers.add(ref);
    return () => void showHandlers.delete(ref);
  }, []);
});
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
/** The ··· menu's 转发: pages show it only where sharing reveals nothing private. */
export const showShareMenu = ok();
export const hideShareMenu = ok();
export const setNavigationBarTitle = ok();
type Callbacks = { success?: (r: unknown) => void; fail?: (e: unknown) => void };

/** Rejections of Taro's promises, and whether anyone handled them (a dropped one is an unhandled rejection in WeChat). */
const rejections: { observed: boolean }[] = [];
export const droppedRejections = () => rejections.filter((r) => !r.observed).length;

/**
 * What Taro 4 does with a callback API it promisifies (@tarojs/shared processApis): it calls the
 * caller's success/fail and also returns a promise that resolves with the result or rejects on fail.
 */
function promisified(api: (o: Callbacks) => unknown, options: Callbacks = {}): Promise<unknown> {
  let outcome: { ok: boolean; value: unknown } = { ok: false, value: { errMsg: 'no answer' } };
  api({
    success: (r) => {
      outcome = { ok: true, value: r };
      options.success?.(r);
    },
    fail: (e) => {
      outcome = { ok: false, value: e };
      options.fail?.(e);
    },
  });
  const entry = { observed: false };
  if (!outcome.ok) rejections.push(entry);
  const settled = () => (outcome.ok ? Promise.resolve(outcome.value) : Promise.reject(outcome.value));
  return {
    then: (a?: (v: unknown) => unknown, b?: (e: unknown) => unknown) => {
      entry.observed = true;
      return settled().then(a, b);
    },
    catch: (b: (e: unknown) => unknown) => {
      entry.observed = true;
      return settled().catch(b);
    },
    finally: (f: () => void) => settled().finally(f),
    [Symbol.toStringTag]: 'Promise',
  } as Promise<unknown>;
}

/** WeChat's answer to wx.getGroupEnterInfo: not opened from a group chat (40097) unless a test says so. */
export const groupEnterInfo = jest.fn((o: Callbacks) => o.fail?.({ errMsg: 'getGroupEnterInfo:fail 40097', errCode: 40097 }));
export const getGroupEnterInfo = jest.fn((options?: Callbacks) => promisified(groupEnterInfo, options));

/** wx.onAppShow listeners; `showApp()` is the app coming back to the foreground. */
const appShowListeners: (() => void)[] = [];
export const onAppShow = (cb: () => void) => void appShowListeners.push(cb);
export const showApp = () => appShowListeners.forEach((cb) => cb());
/** The page shown (its first show follows the mount; later ones come back to it). */
export const showPage = () => showHandlers.forEach((h) => h.current());
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
/** Canvas (reports): the layout answers with no canvas node, as in miniprogram-simulate: nothing is drawn. */
export const pxTransform = (size: number) => `${size / 2}px`;
export const nextTick = (cb: () => void) => void Promise.resolve().then(cb);
export const getSystemInfoSync = () => ({ pixelRatio: 2 });
/** The phone's light/dark mode (app.config darkmode: true); `switchTheme` is the person changing it. */
let theme: 'light' | 'dark' = 'light';
const themeListeners = new Set<(res: { theme: 'light' | 'dark' }) => void>();
export const getAppBaseInfo = () => ({ language: 'zh_CN', theme });
export const onThemeChange = (cb: (res: { theme: 'light' | 'dark' }) => void) => void themeListeners.add(cb);
export const offThemeChange = (cb: (res: { theme: 'light' | 'dark' }) => void) => void themeListeners.delete(cb);
export const themeListenerCount = () => themeListeners.size;
export function switchTheme(next: 'light' | 'dark'): void {
  theme = next;
  themeListeners.forEach((cb) => cb({ theme: next }));
}
export const createSelectorQuery = jest.fn(() => {
  const query = { select: () => query, fields: () => query, exec: (cb: (res: unknown[]) => void) => cb([null]) };
  return query;
});

const Taro = {
  pxTransform,
  nextTick,
  getSystemInfoSync,
  getAppBaseInfo,
  onThemeChange,
  offThemeChange,
  createSelectorQuery,
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
  showShareMenu,
  hideShareMenu,
  setNavigationBarTitle,
  getGroupEnterInfo,
  onAppShow,
  chooseMessageFile,
  downloadFile,
  openDocument,
  request,
  requestSubscribeMessage,
  cloud,
};
export default Taro;
