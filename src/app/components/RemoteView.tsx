import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';
import type { Remote } from '../hooks/useRemote';
import { EmptyState } from './EmptyState';
import { ErrorBanner } from './ErrorBanner';
import { Loading } from './Loading';

interface Props<T> {
  remote: Remote<T> & { reload: () => void };
  children: (data: T) => ReactNode;
  /** Lets a page turn a known refusal (e.g. FORBIDDEN) into a friendly empty state. */
  onError?: (failure: NonNullable<Remote<T>['failure']>) => ReactNode | undefined;
  /** What the page loads, named when it fails (e.g. 群名册). */
  what?: string;
  /** The skeleton's shape on a first load: cards (default) or list rows. */
  skeleton?: 'cards' | 'list';
  /** Pages a shared card opens: what NOT_FOUND means here, shown under 你无权查看. */
  noAccess?: string;
}

export function RemoteView<T>({ remote, children, onError, what, skeleton, noAccess }: Props<T>) {
  if (remote.status === 'loading') return <Loading shape={skeleton} />;
  if (remote.status === 'error') {
    const custom = onError?.(remote.failure);
    if (custom !== undefined) return <>{custom}</>;
    return <FailureView failure={remote.failure} onRetry={remote.reload} what={what} noAccess={noAccess} />;
  }
  return <>{children(remote.data)}</>;
}

interface FailureProps {
  failure: NonNullable<Remote<unknown>['failure']>;
  onRetry?: () => void;
  what?: string;
  noAccess?: string;
}

export function FailureView({ failure, onRetry, what, noAccess }: FailureProps) {
  // The server answers a case, notice or group the caller may not see exactly like a missing one.
  if (noAccess && (failure.code === 'NOT_FOUND' || failure.code === 'FORBIDDEN')) {
    return <EmptyState title="你无权查看" description={noAccess} actionText="回到首页" onAction={() => void Taro.switchTab({ url: '/pages/home/index' })} />;
  }
  // R14: an unbound person sees how to get an invitation, and nothing else.
  if (failure.code === 'NOT_BOUND') {
    return (
      <EmptyState
        title="还没有绑定身份"
        description="群务只对本单位人员开放。请向所在部门负责人索取邀请卡片，在微信中打开卡片即可完成绑定。"
      />
    );
  }
  if (failure.code === 'OFFBOARDED') return <EmptyState title="账号已停用" description={failure.message} />;
  if (failure.code === 'UNAUTHENTICATED') return <EmptyState title="请先登录" description={failure.message} />;
  return <ErrorBanner failure={failure} onRetry={onRetry} what={what} />;
}
