// An emergency's history as a timeline: every alert, acknowledgement, progress and escalation with
// its minute (the day too when it is not the day the emergency started).
import { Text, View } from '@tarojs/components';
import type { HistoryView } from '../../../../contract';
import { formatDateTime } from '../../../lib/time';

export function Timeline({ items }: { items: HistoryView[] }) {
  if (!items.length) return <View className="qw-muted">暂无记录</View>;
  const day = (ms: number) => formatDateTime(ms).slice(0, 10);
  const first = day(items[0].at);
  return (
    <View>
      {items.map((h) => {
        const at = formatDateTime(h.at);
        return (
          <View key={h.seq} className="qw-em-time" data-seq={h.seq}>
            <Text className="qw-em-time__at">{day(h.at) === first ? at.slice(11) : at.slice(5)}</Text>
            <View className="qw-em-time__body">
              <Text>{`${h.by ? h.by.name : '系统'} · ${h.actionLabel}`}</Text>
              {h.note ? <View className="qw-em-time__note">{h.note}</View> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}
