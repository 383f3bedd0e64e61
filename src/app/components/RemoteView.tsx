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
}

export function RemoteView<T>({ remote, children, onError }: Props<T>) {
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') {
    const custom = onError?.(remote.failure);
    if (custom !== undefined) return <>{custom}</>;
    return <FailureView failure={remote.failure} onRetry={remote.reload} />;
  }
  return <>{children(remote.data)}</>;
}

export function FailureView({ failure, onRetry }: { failure: NonNullable<Remote<unknown>['failure']>; onRetry?: () => void }) {
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
  return <ErrorBanner failure={failure} onRetry={onRetry} />;
}
