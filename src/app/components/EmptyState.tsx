import { Button, View } from '@tarojs/components';

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
        <Button className="qw-btn qw-btn--ghost qw-btn--small" onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  );
}
