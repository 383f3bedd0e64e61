export { call, isCode, isH5, browser, API_PATH, SIGNIN_PATH, NETWORK_MESSAGE } from './call';
export { requestSubscribe, SUBSCRIBE_PROMPT, type SubscribeResults } from './subscribe';
export { uploadFile, UPLOAD_PATH, type Uploaded } from './files';
