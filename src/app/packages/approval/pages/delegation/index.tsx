// 设置代理 (issue 19): an admin or a leader names a delegate for a period (出差、休假). Every step waiting
// on them then waits on the delegate as well, shown as "孙丽（代 周杰）"; the period ends by itself.
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DelegationsMine, DelegationView } from '../../../../../contract';
import { call } from '../../../../api';
import { Btn } from '../../../../components/Btn';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { useAction } from '../../../../hooks/useAction';
import { useRemote } from '../../../../hooks/useRemote';
import { formatDate, formatDateTime, isIsoDate } from '../../../../lib/time';
import { KvRow } from '../../../../components/KvRow';

const DAY = 86_400_000;
/** Start of a Shanghai calendar date (UTC+8 all year). */
const dayStart = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`);
const plusDays = (iso: string, days: number) => formatDate(dayStart(iso) + days * DAY);
/** Quick periods: the end date counts, so 一周 is today and the six days after. */
const QUICK: { label: string; days: number }[] = [
  { label: '3 天', days: 3 },
  { label: '一周', days: 7 },
  { label: '两周', days: 14 },
];

export default function DelegationPage() {
  const remote = useRemote(() => call('delegations.mine', {}));
  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">设置代理</View>
        <View className="qw-header__sub">出差、休假期间，等你处理的事项也由代理人处理，到期自动结束</View>
      </View>
      <RemoteView remote={remote}>{(d) => <Delegation data={d} onChange={remote.replace} />}</RemoteView>
    </View>
  );
}

function period(d: DelegationView): string {
  return `${formatDateTime(d.from)} 至 ${formatDateTime(d.to)}`;
}

export function Delegation({ data, onChange }: { data: DelegationsMine; onChange: (d: DelegationsMine) => void }) {
  const today = formatDate(Date.now());
  const [delegateId, setDelegateId] = useState<string | null>(data.candidates.length === 1 ? data.candidates[0].id : null);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(plusDays(today, 6));
  const { busy, failure, run: act } = useAction();
  const { mine, forMe, candidates, maxDays } = data;

  const days = isIsoDate(from) && isIsoDate(to) ? Math.round((dayStart(to) - dayStart(from)) / DAY) + 1 : 0;
  const problem =
    !isIsoDate(from) || !isIsoDate(to)
      ? '请按 YYYY-MM-DD 填写日期'
      : from > to
        ? '开始日期不能晚于结束日期'
        : to < today
          ? '结束日期不能早于今天'
          : days > maxDays
            ? `代理期限最长 ${maxDays} 天`
            : null;

  async function run(fn: () => ReturnType<typeof call<'delegations.mine'>>, toast: string) {
    const saved = await act(fn);
    if (saved === null) return;
    void Taro.showToast({ title: toast, icon: 'success' });
    onChange(saved);
  }

  function save() {
    if (!delegateId || problem) return;
    // From the start of the first day (or now, when that is today) to the end of the last day.
    const start = Math.max(dayStart(from), Date.now());
    return run(() => call('delegations.set', { delegateId, from: start, to: dayStart(to) + DAY }), '已设置代理');
  }

  async function clear() {
    const ok = await Taro.showModal({ title: '取消代理', content: '取消后，等你处理的事项不再由代理人处理。确定取消吗？', confirmText: '取消代理', cancelText: '保留' });
    if (ok.confirm) await run(() => call('delegations.clear', {}), '已取消代理');
  }

  return (
    <>
      {mine ? (
        <View className="qw-card" data-testid="current-delegation">
          <View className="qw-section-title">当前代理</View>
          <KvRow k="代理人">{mine.delegate.name}</KvRow>
          <KvRow k="期间">{period(mine)}</KvRow>
          <KvRow k="状态">{mine.active ? '生效中' : '未开始'}</KvRow>
          <Text className="qw-hint">{`期间内等你处理的事项，在${mine.delegate.name}的待办里显示为“代 ${mine.delegator.name}”，处理记录写明两人的名字。`}</Text>
          <Btn kind="danger" block disabled={busy} onClick={() => void clear()}>
            取消代理
          </Btn>
        </View>
      ) : null}

      {forMe.length ? (
        <View className="qw-card">
          <View className="qw-section-title">我正在代理</View>
          {forMe.map((d) => (
            <KvRow key={d.delegator.id} k={d.delegator.name}>{`至 ${formatDateTime(d.to)}`}</KvRow>
          ))}
          <Text className="qw-hint">他们的待办也在你的「待办」里，标有“代 某某”。</Text>
        </View>
      ) : null}

      <View className="qw-card">
        <View className="qw-section-title">{mine ? '更改代理' : '设置代理人'}</View>
        {candidates.length ? (
          <>
            <View className="qw-label">代理人</View>
            <View className="qw-chips">
              {candidates.map((p) => (
                <View key={p.id} className={`qw-chip${p.id === delegateId ? ' qw-chip--on' : ''}`} onClick={() => setDelegateId(p.id)}>
                  {p.name}
                </View>
              ))}
            </View>
            <Text className="qw-hint">代理人须是你所管理的群的其他管理员（上级领导由同群的上级领导代理）。</Text>
            <View className="qw-label">期间</View>
            <View className="qw-chips">
              {QUICK.map((q) => {
                const end = plusDays(from, q.days - 1);
                return (
                  <View key={q.days} className={`qw-chip${to === end ? ' qw-chip--on' : ''}`} onClick={() => setTo(end)}>
                    {q.label}
                  </View>
                );
              })}
            </View>
            <View className="qw-label">开始日期</View>
            <Input className="qw-input" value={from} maxlength={10} placeholder="YYYY-MM-DD" onInput={(e) => setFrom(e.detail.value.trim())} />
            <View className="qw-label">结束日期（含当天）</View>
            <Input className="qw-input" value={to} maxlength={10} placeholder="YYYY-MM-DD" onInput={(e) => setTo(e.detail.value.trim())} />
            {problem ? <View className="qw-issues__item">{problem}</View> : <Text className="qw-hint">{`共 ${days} 天，${to} 24:00 自动结束。`}</Text>}
            {failure ? <ErrorBanner failure={failure} /> : null}
            <Btn block disabled={busy || !delegateId || Boolean(problem)} onClick={() => void save()}>
              {mine ? '改为此代理' : '确认代理'}
            </Btn>
          </>
        ) : (
          <View className="qw-notice">你管理或领导的群里没有其他可以担任代理的管理员或上级领导。</View>
        )}
      </View>
    </>
  );
}
