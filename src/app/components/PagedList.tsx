import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Failure } from '../../contract';
import type { Paged } from '../hooks/usePaged';
import { ErrorBanner } from './ErrorBanner';
import { Loading } from './Loading';
import { FailureView } from './RemoteView';

interface Props<T> {
  list: Paged<T>;
  /** Items to show; defaults to all loaded ones (a page may filter). */
  items?: T[];
  render: (item: T) => ReactNode;
  empty: ReactNode;
  onError?: (failure: Failure) => ReactNode | undefined;
  /** What the list is, named when it fails to load (e.g. 待办). */
  what?: string;
}

export function PagedList<T>({ list, items = list.items, render, empty, onError, what }: Props<T>) {
  if (list.status === 'loading') return <Loading shape="list" />;
  if (list.status === 'error' && list.failure) {
    const custom = onError?.(list.failure);
    return <>{custom !== undefined ? custom : <FailureView failure={list.failure} onRetry={() => void list.reload()} what={what} />}</>;
  }
  return (
    <View>
      {items.length ? items.map(render) : list.hasMore ? null : empty}
      {list.failure ? <ErrorBanner failure={list.failure} onRetry={() => void list.loadMore()} what="更多内容" /> : null}
      {list.hasMore ? (
        <View className="qw-load-more" onClick={() => void list.loadMore()}>
          {list.loadingMore ? '加载中…' : `加载更多（已显示 ${list.items.length} / ${list.total}）`}
        </View>
      ) : list.items.length ? (
        <View className="qw-muted qw-load-more">没有更多了</View>
      ) : null}
    </View>
  );
}
