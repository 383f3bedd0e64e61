import { View } from '@tarojs/components';
import { Btn } from './Btn';

interface Props {
  title: string;
  description?: string;
  actionText?: string;
  onAction?: () => void;
}

export function EmptyState({ title, description, actionText, onAction }: Props) {
  return (
    <View className="qw-empty">
      <View className="qw-empty__title">{title}</View>
      {description ? <View className="qw-empty__desc">{description}</View> : null}
      {actionText && onAction ? (
        <Btn kind="ghost" small onClick={onAction}>
          {actionText}
        </Btn>
      ) : null}
    </View>
  );
}
