import { View } from '@tarojs/components';
import type { Failure } from '../../contract';
import { Btn } from './Btn';

interface Props {
  failure: Failure;
  onRetry?: () => void;
  /** What did not load (e.g. 待办), named above the server's sentence. */
  what?: string;
}

/** A server answer the person must read: its sentence, and each field problem on its own line. */
export function ErrorBanner({ failure, onRetry, what }: Props) {
  const issues = (failure.issues ?? []).filter((i) => i.message !== failure.message);
  return (
    <View className="qw-error" role="alert">
      {what ? <View className="qw-error__what">{`${what}没有加载出来`}</View> : null}
      <View className="qw-error__message">{failure.message}</View>
      {issues.map((i, n) => (
        <View className="qw-error__issue" key={n}>
          · {i.message}
        </View>
      ))}
      {onRetry ? (
        <Btn kind="ghost" small onClick={onRetry}>
          重试
        </Btn>
      ) : null}
    </View>
  );
}
