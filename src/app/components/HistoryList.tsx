import { Text, View } from '@tarojs/components';
import { assigneeLabel, type HistoryView } from '../../contract';
import { formatDateTime, formatDeadline } from '../lib/time';

export function HistoryList({ items }: { items: HistoryView[] }) {
  if (!items.length) return <View className="qw-muted">暂无记录</View>;
  return (
    <View className="qw-history">
      {items.map((h, i) => (
        <View className="qw-history__item" key={h.seq}>
          <View className="qw-history__dot" />
          <View className="qw-history__body">
            <View className="qw-row qw-row--between">
              <Text className="qw-history__action">
                {h.by ? assigneeLabel({ name: h.by.name, onBehalfOf: h.onBehalfOf }) : '系统'} · {h.actionLabel}
                {h.target ? ` → ${h.target.name}` : ''}
              </Text>
              <Text className="qw-history__at">{formatDateTime(h.at)}</Text>
            </View>
            {h.note ? <View className="qw-history__note">{h.note}</View> : null}
            {/* A step that set or moved the deadline says so; one that only closed the case does not. */}
            {h.dueAt !== null && (i === 0 || h.dueAt !== items[i - 1].dueAt) ? (
              <View className="qw-history__due">当时的处理期限：{formatDeadline(h.dueAt, h.at)}</View>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  );
}
