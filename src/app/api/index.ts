export { call, isCode, isH5, browser, API_PATH, SIGNIN_PATH, NETWORK_MESSAGE } from './call';
export { andThen, startScreenLoad, takeScreenLoad, type Answer } from './early';
export { requestSubscribe, SUBSCRIBE_PROMPT, type SubscribeResults } from './subscribe';
// Uploads (./files) are imported from there by the subpackage pages that upload, so the main package does not carry them.
