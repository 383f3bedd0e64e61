// Loads one action's answer for a page; tab pages also refresh when shown again (after a decision
// made on another page, the list must not be stale).
import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Failure, Result } from '../../contract';

export type Remote<T> =
  | { status: 'loading'; data?: undefined; failure?: undefined }
  | { status: 'ok'; data: T; failure?: undefined }
  | { status: 'error'; data?: undefined; failure: Failure };

export function useRemote<T>(load: () => Promise<Result<T>>, opts: { refreshOnShow?: boolean } = {}) {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const seq = useRef(0);
  const lastLoadAt = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++seq.current;
    lastLoadAt.current = Date.now();
    const r = await loadRef.current();
    if (mine !== seq.current) return; // a newer load answered first
    setState(r.ok ? { status: 'ok', data: r.data } : { status: 'error', failure: r });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useDidShow(() => {
    // The first show follows the mount's own load.
    if (opts.refreshOnShow && Date.now() - lastLoadAt.current > 1000) void reload();
  });

  const replace = useCallback((data: T) => setState({ status: 'ok', data }), []);
  return { ...state, reload, replace };
}
