import Taro, { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { startScreenLoad } from './api/early';
import { absolute, routes } from './lib/routes';
import './app.scss';

// Cloud functions exist only inside WeChat; the h5 build talks to the local host over HTTP. The
// environment is the one the build names (TARO_APP_CLOUD_ENV, set by `npm run deploy`): with a
// development and a production environment, calls would otherwise go to whichever was created first.
// Unset (local builds, tests): WeChat's default environment.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init(process.env.TARO_APP_CLOUD_ENV ? { env: process.env.TARO_APP_CLOUD_ENV, traceUser: true } : { traceUser: true });
  // A subscription message sent before the case page moved to its subpackage opens the old path.
  Taro.onPageNotFound?.(({ path, query }) => {
    const q = Object.entries(query ?? {}).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
    void Taro.redirectTo({ url: `${absolute(path)}${q ? `?${q}` : ''}` }).catch(() => Taro.reLaunch({ url: routes.home }));
  });
}

// The first screen's call starts before its page's code has loaded (api/early.ts). On h5 the address
// is known now; in WeChat, at launch.
if (process.env.TARO_ENV === 'h5') {
  startScreenLoad(window.location.pathname, Object.fromEntries(new URLSearchParams(window.location.search)));
}

function App({ children }: PropsWithChildren) {
  useLaunch(({ path, query }) => startScreenLoad(path ?? '', query ?? {}));
  return children;
}

export default App;
