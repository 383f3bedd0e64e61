// Loads one action's answer for a page; tab pages also refresh when shown again (after a decision
// made on another page, the list must not be stale). A pull-down (pages whose config sets
// enablePullDownRefresh) loads again and stops the spinner once the answer is in, failure or not.
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Failure, Result } from '../../contract';
import type { Answer } from '../api/early';

export type Remote<T> =
  | { status: 'loading'; data?: undefined; failure?: undefined }
  | { status: 'ok'; data: T; failure?: undefined }
  | { status: 'error'; data?: undefined; failure: Failure };

/**
 * `load` may answer at once (the launch call's answer already arrived, api/early.ts): the first load
 * runs before the first paint, so such an answer is drawn without a skeleton in between.
 */
export function useRemote<T>(load: () => Answer<T>, opts: { refreshOnShow?: boolean } = {}) {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);

  const apply = useCallback((mine: number, r: Result<T>) => {
    if (mine !== seq.current) return; // a newer load answered first
    setState(r.ok ? { status: 'ok', data: r.data } : { status: 'error', failure: r });
    if (pulling.current) {
      pulling.current = false;
      void Taro.stopPullDownRefresh();
    }
  }, []);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    const r = loadRef.current();
    apply(mine, r instanceof Promise ? await r : r);
  }, [apply]);

  const pulling = useRef(false);
  usePullDownRefresh(() => {
    pulling.current = true;
    void reload();
  });

  useLayoutEffect(() => {
    void reload();
  }, [reload]);

  // The first show is the mount's own load (on h5 it may even come before the mount's effect): only
  // later shows refresh, so a tab opens with one call and refreshes with one.
  const shown = useRef(false);
  useDidShow(() => {
    const again = shown.current;
    shown.current = true;
    if (opts.refreshOnShow && again) void reload();
  });

  const replace = useCallback((data: T) => setState({ status: 'ok', data }), []);
  return { ...state, reload, replace };
}
