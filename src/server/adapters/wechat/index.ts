// The WeChat adapters. Build them in the cloud function entries from the initialised SDK:
//   const wx = wechatCloud(cloud); createWechatStore(wx.database()); createWechatNotifier(wx); …
export { createWechatStore } from './store';
export { createWechatFiles } from './files';
export { createWechatMediaCheck } from './media-check';
export { wechatDeps } from './deps';
export { createWechatNotifier, createWechatContentCheck, createWechatOpenData, wechatOpenid, miniprogramStateFrom } from './openapi';
export { wechatCloud } from './types';
export type * from './types';
