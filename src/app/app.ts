import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

/**
 * The cloud environment the build names (`TARO_APP_CLOUD_ENV`, set by `npm run deploy`): with a
 * development and a production environment, calls would otherwise go to whichever was created first.
 * Unset (local builds, tests): WeChat's default environment, as before.
 */
export function cloudInitOptions(env: string | undefined = process.env.TARO_APP_CLOUD_ENV): { env?: string; traceUser: boolean } {
  return env ? { env, traceUser: true } : { traceUser: true };
}

// Cloud functions exist only inside WeChat; the h5 build talks to the local host over HTTP.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init(cloudInitOptions());
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
