import { Text, View } from '@tarojs/components';
import type { Failure } from '../../contract';

interface Props {
  failure: Failure;
  onRetry?: () => void;
}

/** A server answer the person must read: its sentence, and each field problem on its own line. */
export function ErrorBanner({ failure, onRetry }: Props) {
  const issues = (failure.issues ?? []).filter((i) => i.message !== failure.message);
  return (
    <View className="qw-error" role="alert">
      <View className="qw-error__message">{failure.message}</View>
      {issues.map((i, n) => (
        <View className="qw-error__issue" key={n}>
          · {i.message}
        </View>
      ))}
      {onRetry ? (
        <Text className="qw-link" onClick={onRetry}>
          重试
        </Text>
      ) : null}
    </View>
  );
}
