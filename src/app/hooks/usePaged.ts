// A list the server pages: first page on mount (and on show again, and on a pull-down where the
// page config sets enablePullDownRefresh), more on request or on reaching the bottom of the page.
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Failure, Page, Result } from '../../contract';
import type { Answer } from '../api/early';

export const PAGE_SIZE = 20;

export interface Paged<T> {
  status: 'loading' | 'ok' | 'error';
  items: T[];
  total: number;
  failure: Failure | null;
  loadingMore: boolean;
  hasMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

export function usePaged<T, P extends Page<T> = Page<T>>(
  /** May answer the first page at once (as useRemote's load): drawn before the first paint. */
  load: (offset: number, limit: number) => Answer<P>,
  onPage?: (page: P) => void,
): Paged<T> {
  const [status, setStatus] = useState<Paged<T>['status']>('loading');
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const loadRef = useRef(load);
  loadRef.current = load;
  const onPageRef = useRef(onPage);
  onPageRef.current = onPage;
  const seq = useRef(0);

  const apply = useCallback((mine: number, r: Result<P>) => {
    if (mine !== seq.current) return;
    if (pulling.current) {
      pulling.current = false;
      void Taro.stopPullDownRefresh();
    }
    if (!r.ok) {
      setFailure(r);
      setStatus('error');
      return;
    }
    onPageRef.current?.(r.data);
    setItems(r.data.items);
    setTotal(r.data.total);
    setFailure(null);
    setStatus('ok');
  }, []);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    const r = loadRef.current(0, PAGE_SIZE);
    apply(mine, r instanceof Promise ? await r : r);
  }, [apply]);

  const loadMore = useCallback(async () => {
    if (loadingMore) return;
    const mine = seq.current;
    setLoadingMore(true);
    const r = await loadRef.current(items.length, PAGE_SIZE);
    setLoadingMore(false);
    if (mine !== seq.current) return; // a reload replaced the list meanwhile
    if (!r.ok) {
      setFailure(r);
      return;
    }
    onPageRef.current?.(r.data);
    setFailure(null);
    setItems((prev) => [...prev, ...r.data.items]);
    setTotal(r.data.total);
  }, [items.length, loadingMore]);

  useLayoutEffect(() => {
    void reload();
  }, [reload]);

  const pulling = useRef(false);
  usePullDownRefresh(() => {
    pulling.current = true;
    void reload();
  });
  const more = useRef({ loadMore, can: false });
  more.current = { loadMore, can: status === 'ok' && items.length < total && !loadingMore };
  useReachBottom(() => {
    if (more.current.can) void more.current.loadMore();
  });

  // As useRemote: the first show is the mount's own load; later shows refresh.
  const shown = useRef(false);
  useDidShow(() => {
    const again = shown.current;
    shown.current = true;
    if (again) void reload();
  });

  return { status, items, total, failure, loadingMore, hasMore: items.length < total, reload, loadMore };
}
