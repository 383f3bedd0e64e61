import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import './app.scss';

// Cloud functions exist only inside WeChat; the h5 build talks to the local host over HTTP.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ traceUser: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
