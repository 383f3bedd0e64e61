// What is behind one number of 报表: the cases it counts (each opens its case page), or for the
// per-group figures the members, days or notices. Paged as the server pages it.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  REPORT_METRICS,
  type CaseView,
  type ReportDayRow,
  type ReportDrill,
  type ReportMemberRow,
  type ReportMetric,
  type ReportNoticeRow,
} from '../../../../../contract';
import { call } from '../../../../api';
import { CaseCard } from '../../../../components/CaseCard';
import { EmptyState } from '../../../../components/EmptyState';
import { PagedList } from '../../../../components/PagedList';
import { usePaged } from '../../../../hooks/usePaged';
import { caseRoute, routes } from '../../../../lib/routes';
import { formatDateTime } from '../../../../lib/time';
import '../../reports.scss';

type Row = CaseView | ReportMemberRow | ReportDayRow | ReportNoticeRow;

const NOUN: Record<ReportDrill['type'], string> = { cases: '件事项', members: '位成员', days: '天', notices: '条通知' };

/** Query values may arrive still encoded (weapp) or decoded (h5): decode once, never twice. */
function decoded(params: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(params)) {
    try {
      out[k] = v === undefined ? v : decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

export default function ReportDrillPage() {
  const params = decoded(useRouter().params as Record<string, string | undefined>);
  const metric = params.metric as ReportMetric;
  const [type, setType] = useState<ReportDrill['type'] | null>(null);
  const list = usePaged<Row, ReportDrill>(
    (offset, limit) =>
      call('reports.drill', {
        metric,
        bucketStart: params.bucketStart ?? '',
        ...(params.groupId ? { groupId: params.groupId } : {}),
        ...(params.key !== undefined ? { key: params.key } : {}),
        offset,
        limit,
      }),
    (page) => setType(page.type),
  );
  if (!REPORT_METRICS.includes(metric)) return <EmptyState title="链接不完整" description="请从报表页点数字打开。" />;
  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">{params.title ?? '明细'}</View>
        {type && list.status === 'ok' ? <View className="qw-header__sub">{`共 ${list.total} ${NOUN[type]}`}</View> : null}
      </View>
      <PagedList
        list={list}
        render={(row) => <DrillRow key={rowKey(row)} row={row} />}
        empty={<EmptyState title="没有内容" description="这个数字是 0：这一期没有对应的记录。" />}
      />
    </View>
  );
}

function rowKey(row: Row): string {
  if ('kind' in row) return row.id;
  if ('personId' in row) return row.personId;
  if ('noticeId' in row) return row.noticeId;
  return row.date;
}

function DrillRow({ row }: { row: Row }) {
  if ('kind' in row) return <CaseCard item={row} showSubject onTap={() => void Taro.navigateTo({ url: caseRoute(row) })} />;
  if ('personId' in row) {
    return (
      <View className="qw-card" data-person={row.personId}>
        <View className="qw-drill-row__title">{row.name}</View>
        <View className="qw-drill-row__sub">{`群昵称：${row.nickname ?? '未记录'}`}</View>
        <View className="qw-drill-row__sub">{row.reason}</View>
      </View>
    );
  }
  if ('noticeId' in row) {
    return (
      <View className="qw-card" data-notice={row.noticeId} onClick={() => void Taro.navigateTo({ url: routes.notice(row.noticeId) })}>
        <View className="qw-drill-row__title">{row.title}</View>
        <View className="qw-drill-row__sub">{`按时确认 ${row.ackedOnTime}/${row.owed} 人 · 确认期限 ${formatDateTime(row.ackDueAt)}`}</View>
        <View className="qw-drill-row__sub">{`发布于 ${formatDateTime(row.publishedAt)}`}</View>
      </View>
    );
  }
  return (
    <View className="qw-card">
      <View className="qw-drill-row__title">{row.date}</View>
      {row.backups.length ? (
        row.backups.map((b) => (
          <Text key={b.id} className="qw-drill-row__sub">{`备份 ${b.id}（${b.from} 至 ${b.to}）`}</Text>
        ))
      ) : (
        <View className="qw-drill-row__sub">没有备份覆盖这一天</View>
      )}
    </View>
  );
}
