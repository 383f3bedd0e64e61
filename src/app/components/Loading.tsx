// A first load shows the shape of what is coming (grey blocks where the cards or rows will be), not
// a blank page; the text is there for screen readers.
import { View } from '@tarojs/components';

export function Loading({ text = '加载中…', shape = 'cards' }: { text?: string; shape?: 'cards' | 'list' }) {
  const rows = shape === 'list' ? 5 : 3;
  return (
    <View className="qw-skeleton" aria-busy="true" data-testid="skeleton">
      <View className="qw-skeleton__label">{text}</View>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className={`qw-skeleton__block qw-skeleton__block--${shape}`}>
          <View className="qw-skeleton__line qw-skeleton__line--short" />
          <View className="qw-skeleton__line" />
          {shape === 'cards' ? <View className="qw-skeleton__line qw-skeleton__line--mid" /> : null}
        </View>
      ))}
    </View>
  );
}
