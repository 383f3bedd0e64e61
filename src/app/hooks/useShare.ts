// 转发 from the ··· menu: the page's card when it has one, and the menu's 转发 hidden when it has none
// (not yet loaded, not the caller's to see, or a kind that must not be shared). The page config
// needs enableShareAppMessage: true for Taro to register the handler.
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import type { ShareCard } from '../lib/share';

export function useShare(card: ShareCard | null): void {
  const current = useRef<ShareCard | null>(card);
  current.current = card;
  // WeChat asks for the card only while 转发 is offered; the fallback is never shown.
  useShareAppMessage(() => current.current ?? { title: '群务', path: '/pages/home/index' });
  const allowed = card !== null;
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') return; // a browser has no share menu
    try {
      const done = allowed
        ? Taro.showShareMenu({ withShareTicket: true })
        : Taro.hideShareMenu({ menus: ['shareAppMessage', 'shareTimeline'] });
      void Promise.resolve(done).catch(() => undefined);
    } catch {
      // An old base library without the API: the menu keeps its default.
    }
  }, [allowed]);
}
