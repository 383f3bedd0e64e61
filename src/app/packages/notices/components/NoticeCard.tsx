// One notice in a list: a group's notices, the ones I published.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeStatus, NoticeView } from '../../../../contract';
import { Tag } from '../../../components/StateTag';
import { routes } from '../../../lib/routes';
import { formatDate } from '../../../lib/time';

const STATUS_TONES: Record<NoticeStatus, 'success' | 'muted' | 'warning'> = { active: 'success', withdrawn: 'muted', corrected: 'warning' };

/** What the reader has to do about it, as a tag: owed and not yet acknowledged, or done. */
function mineTag(n: NoticeView) {
  if (!n.mine.owed || n.status !== 'active') return null;
  if (n.mine.ackedAt === null) return <Tag tone="danger">待确认</Tag>;
  return <Tag tone="success">{n.mine.late ? '逾期确认' : '已确认'}</Tag>;
}

export function NoticeCard({ notice: n }: { notice: NoticeView }) {
  return (
    <View className="qw-card" data-notice={n.id} onClick={() => void Taro.navigateTo({ url: routes.notice(n.id) })}>
      <View className="qw-row qw-row--between">
        <Text className="qw-case-card__kind">{n.kindLabel}</Text>
        <View className="qw-row">
          {mineTag(n)}
          <Tag tone={STATUS_TONES[n.status]}>{n.statusLabel}</Tag>
        </View>
      </View>
      <View className="qw-case-card__title">{n.title}</View>
      <View className="qw-group__meta">{`${n.dept.name} · ${formatDate(n.publishedAt)} · ${n.groups.map((g) => g.name).join('、')}`}</View>
      {n.stats ? <View className="qw-group__meta">{`已确认 ${n.stats.acked} / ${n.stats.owed} 人`}</View> : null}
    </View>
  );
}

export { STATUS_TONES };
