// One notice in a list: a group's notices, the ones I published.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeStats, NoticeStatus, NoticeView } from '../../../../contract';
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
      {n.stats && n.status === 'active' ? <NoticeCounts stats={n.stats} /> : null}
      {n.stats && n.status !== 'active' ? <View className="qw-group__meta">{`已确认 ${n.stats.acked} / ${n.stats.owed} 人`}</View> : null}
    </View>
  );
}

/** 已确认 x / y · 未确认 z, and what is late: for the publisher's list and the notice page. */
export function NoticeCounts({ stats: s }: { stats: NoticeStats }) {
  const pending = s.owed - s.acked;
  return (
    <View className="qw-row qw-notice-counts" data-testid="notice-counts">
      <Text className="qw-group__meta">{`已确认 ${s.acked} / ${s.owed} 人${pending ? ` · 未确认 ${pending} 人` : ' · 全部已确认'}`}</Text>
      <View className="qw-row qw-notice-counts__tags">
        {s.overdue ? <Tag tone="danger">{`逾期未确认 ${s.overdue}`}</Tag> : null}
        {s.late ? <Tag tone="warning">{`逾期确认 ${s.late}`}</Tag> : null}
      </View>
    </View>
  );
}

export { STATUS_TONES };
