// 报表: the figures of the caller's groups (or one of them) over a period, per week or month (R16).
// Each figure is a chart with a table beside it; every number opens what is behind it.
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import type { ReportBucket, ReportOverview } from '../../../../../contract';
import { call } from '../../../../api';
import { Chips } from '../../../../components/ActionForm';
import { Btn } from '../../../../components/Btn';
import { EmptyState } from '../../../../components/EmptyState';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { loadWhoAmI } from '../../../../lib/session';
import { formatDateTime, isIsoDate } from '../../../../lib/time';
import { FigureCard } from '../../components/FigureCard';
import { figuresOf } from '../../lib/figures';
import { PERIOD_LABELS, presetBucket, presetPeriod, type PeriodPreset } from '../../lib/periods';
import { reportRoutes } from '../../lib/routes';
import '../../reports.scss';

const PRESETS: PeriodPreset[] = ['weeks4', 'month', 'months3', 'custom'];
const BUCKETS: { value: ReportBucket; label: string }[] = [
  { value: 'week', label: '按周' },
  { value: 'month', label: '按月' },
];
const ALL = '';

export default function ReportsOverviewPage() {
  const [preset, setPreset] = useState<PeriodPreset>('weeks4');
  const [period, setPeriod] = useState(() => presetPeriod('weeks4'));
  const [bucket, setBucket] = useState<ReportBucket>('week');
  const [groupId, setGroupId] = useState(ALL);
  const [scope, setScope] = useState<{ id: string; name: string }[]>([]);
  const [owner, setOwner] = useState(false);

  const remote = useRemote(() => call('reports.overview', { ...period, bucket, ...(groupId ? { groupId } : {}) }));
  const { reload } = remote;
  const key = `${period.from}|${period.to}|${bucket}|${groupId}`;
  const [loadedKey, setLoadedKey] = useState(key);
  useEffect(() => {
    if (key === loadedKey) return;
    setLoadedKey(key);
    void reload();
  }, [key, loadedKey, reload]);

  // The group chips are the whole scope, as the first all-groups answer names it.
  useEffect(() => {
    if (remote.status === 'ok' && remote.data.groupId === null) setScope(remote.data.groups);
  }, [remote.status, remote.data]);
  useEffect(() => {
    void loadWhoAmI().then((r) => setOwner(r.ok && r.data.roles.includes('owner')));
  }, []);

  function pickPreset(p: PeriodPreset) {
    setPreset(p);
    if (p === 'custom') return;
    setPeriod(presetPeriod(p));
    setBucket(presetBucket(p));
  }

  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">报表</View>
        <View className="qw-header__sub">事项、违规与申诉、群昵称、备份和通知确认，按周或按月统计。点任一数字可查看背后的事项。</View>
      </View>

      <View className="qw-card">
        <View className="qw-filter__label">时间段</View>
        <Chips choices={PRESETS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))} value={preset} onChange={(v) => pickPreset(v as PeriodPreset)} />
        {preset === 'custom' ? <CustomPeriod initial={period} onApply={setPeriod} /> : null}
        <View className="qw-filter__label">统计粒度</View>
        <Chips choices={BUCKETS} value={bucket} onChange={(v) => setBucket(v as ReportBucket)} />
        {scope.length > 1 ? (
          <>
            <View className="qw-filter__label">群</View>
            <Chips choices={[{ value: ALL, label: '全部' }, ...scope.map((g) => ({ value: g.id, label: g.name }))]} value={groupId} onChange={setGroupId} />
          </>
        ) : null}
      </View>

      <RemoteView
        remote={remote}
        onError={(f) =>
          f.code === 'FORBIDDEN' ? <EmptyState title="没有可查看的报表" description="报表只对群管理员、上级领导、部门负责人和系统管理员开放，范围是你管理或领导的群。" /> : undefined
        }
      >
        {(o) => <Figures overview={o} />}
      </RemoteView>

      <View className="qw-card">
        <View className="qw-list-item" onClick={() => void Taro.navigateTo({ url: reportRoutes.export })}>
          <Text>导出 Excel（事项与处理记录）</Text>
          <Text className="qw-muted">›</Text>
        </View>
        {owner ? (
          <View className="qw-list-item" onClick={() => void Taro.navigateTo({ url: reportRoutes.exports })}>
            <Text>导出记录</Text>
            <Text className="qw-muted">›</Text>
          </View>
        ) : null}
      </View>
    </View>
  );
}

function CustomPeriod({ initial, onApply }: { initial: { from: string; to: string }; onApply: (p: { from: string; to: string }) => void }) {
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const valid = isIsoDate(from) && isIsoDate(to) && from <= to;
  return (
    <View>
      <View className="qw-filter__dates">
        <Input className="qw-input qw-filter__date" value={from} maxlength={10} placeholder="2026-09-01" onInput={(e) => setFrom(e.detail.value)} />
        <Text>至</Text>
        <Input className="qw-input qw-filter__date" value={to} maxlength={10} placeholder="2026-11-30" onInput={(e) => setTo(e.detail.value)} />
      </View>
      {valid ? null : <View className="qw-hint">请按 2026-09-01 的格式填写开始和结束日期，开始不晚于结束。</View>}
      <Btn small kind="ghost" disabled={!valid} onClick={() => onApply({ from, to })}>
        查看这段时间
      </Btn>
    </View>
  );
}

function Figures({ overview }: { overview: ReportOverview }) {
  const figures = useMemo(() => figuresOf(overview), [overview]);
  const scope = overview.groupId ? overview.groups.map((g) => g.name).join('、') : `全部 ${overview.groups.length} 个群`;
  return (
    <View>
      <View className="qw-hint qw-report-scope">
        {`${overview.from} 至 ${overview.to} · ${scope}${overview.groupId ? '' : `（${overview.groups.map((g) => g.name).join('、')}）`} · 统计于 ${formatDateTime(overview.asOf)}`}
      </View>
      {overview.empty ? (
        <EmptyState title="这段时间暂无数据" description="所选的群在这段时间没有新开或办结的事项、违规、申诉、到期的通知，也没有备份和群昵称记录。可以换一个时间段或群再看。" />
      ) : (
        figures.map((f) => <FigureCard key={f.id} figure={f} scope={scope} />)
      )}
    </View>
  );
}
