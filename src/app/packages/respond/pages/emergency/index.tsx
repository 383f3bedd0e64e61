// One emergency: what happened, my task (接收, 进展, 完成), everyone's tasks with their state, the
// starter's tools (who was reached and the @名单, 转派, 追加分工, 结束), and the timeline by the minute.
import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  DESCRIPTION_MAX,
  EMERGENCY_TASK_MAX,
  type CaseView,
  type CaseViewOf,
  type EmergencyAssignment,
  type EmergencyReach,
  type Failure,
  type PersonRef,
} from '../../../../../contract';
import { call } from '../../../../api';
import { ActionForm, Chips } from '../../../../components/ActionForm';
import { Btn } from '../../../../components/Btn';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { StateTag, Tag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { useShare } from '../../../../hooks/useShare';
import { caseShareCard } from '../../../../lib/share';
import { formatDateTime, formatDeadline } from '../../../../lib/time';
import { Timeline } from '../../components/Timeline';
import '../../respond.scss';
import { ImageStrip } from '../../../../components/ImageStrip';
import { KvRow } from '../../../../components/KvRow';

type Emergency = CaseViewOf<'emergency'>;

export default function EmergencyPage() {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  const remote = useRemote(() => call('cases.get', { caseId }), { refreshOnShow: true });
  useShare(remote.data ? caseShareCard(remote.data) : null);
  return (
    <View className="qw-page">
      <RemoteView remote={remote} what="紧急事件" noAccess="紧急事件只对本群成员、管理员和领导可见。">{(c) => (c.kind === 'emergency' ? <EmergencyView item={c} onChange={remote.replace} /> : null)}</RemoteView>
    </View>
  );
}

const hm = (ms: number) => formatDateTime(ms).slice(11);

/** A task's state as one tag. */
function taskTag(a: EmergencyAssignment): { tone: 'success' | 'warning' | 'danger' | 'muted' | 'info'; text: string } {
  if (a.status === 'done') return { tone: 'success', text: '已完成' };
  if (a.status === 'replaced') return { tone: 'muted', text: '已转派' };
  if (a.status === 'acknowledged') return { tone: 'info', text: '已接收' };
  if (a.ackStage >= 2) return { tone: 'danger', text: '未接收，已报告' };
  if (a.ackStage === 1) return { tone: 'warning', text: '未接收，已提醒' };
  return { tone: 'warning', text: '待接收' };
}

function taskWhen(a: EmergencyAssignment): string {
  const parts = [`${hm(a.assignedAt)} 分派`];
  if (a.ackedAt) parts.push(`${hm(a.ackedAt)} 接收`);
  if (a.lastProgress) parts.push(`${hm(a.lastProgress.at)} 进展：${a.lastProgress.note}`);
  if (a.status === 'acknowledged' && a.progressDueAt) parts.push(`${hm(a.progressDueAt)} 前报进展`);
  if (a.status === 'alerted' && a.ackDueAt) parts.push(`${hm(a.ackDueAt)} 前接收`);
  if (a.reopened) parts.push(`曾 ${a.reopened} 次超时未报进展`);
  return parts.join(' · ');
}

export function EmergencyView({ item, onChange }: { item: Emergency; onChange: (c: CaseView) => void }) {
  const d = item.data;
  const can = (x: string) => item.allowed.includes(x as never);
  const images = item.links?.images ?? [];
  return (
    <>
      <View className="qw-card">
        <View className="qw-row qw-row--between">
          <Text className="qw-case-card__kind">{`紧急事件 · ${item.group.name}`}</Text>
          <StateTag state={item.state} label={item.stateLabel} />
        </View>
        <View className="qw-case-card__title">{item.title}</View>
        <View className="qw-fb-text">{d.description}</View>
        <ImageStrip links={images} />
        <KvRow k="发起人">{`${d.starterName}（${formatDateTime(item.createdAt)}）`}</KvRow>
        <KvRow k="响应截止">{formatDeadline(d.respondBy)}</KvRow>
        <KvRow k="接收时限">{`${d.ackWithinMinutes} 分钟`}</KvRow>
        <KvRow k="已通知">{`全群 ${d.alertedCount} 人`}</KvRow>
        {d.summary ? <KvRow k="处置总结">{d.summary}</KvRow> : null}
      </View>

      {d.mine && (d.mine.status === 'alerted' || d.mine.status === 'acknowledged') && item.open ? <MyTask item={item} task={d.mine} onChange={onChange} /> : null}

      <View className="qw-card" data-testid="tasks">
        <View className="qw-section-title">分工</View>
        {d.assignments.map((a) => {
          const tag = taskTag(a);
          return (
            <View key={`${a.personId}:${a.assignedAt}`} className="qw-em-task" data-task={a.personId}>
              <View className="qw-row qw-row--between">
                <Text className="qw-em-task__who">{a.name}</Text>
                <Tag tone={tag.tone}>{tag.text}</Tag>
              </View>
              <View className="qw-em-task__what">{a.task}</View>
              <View className="qw-em-task__when">{taskWhen(a)}</View>
            </View>
          );
        })}
      </View>

      {can('close') ? <StarterTools item={item} onChange={onChange} /> : null}

      <View className="qw-card" data-testid="timeline">
        <View className="qw-section-title">时间线</View>
        <Timeline items={item.history ?? []} />
      </View>
    </>
  );
}

function MyTask({ item, task, onChange }: { item: Emergency; task: EmergencyAssignment; onChange: (c: CaseView) => void }) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  async function acknowledge() {
    if (busy) return;
    setBusy(true);
    const r = await call('emergencies.acknowledge', { caseId: item.id });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setFailure(null);
    void Taro.showToast({ title: '已接收', icon: 'success' });
    onChange(r.data);
  }
  return (
    <>
      <View className="qw-card qw-notice--strong" data-testid="my-task">
        <View>{`我的任务：${task.task}`}</View>
        {task.status === 'alerted' ? (
          <>
            <Text>{task.ackDueAt ? `请在 ${hm(task.ackDueAt)} 前接收。` : '请立即接收，发起人和上级领导已收到报告。'}</Text>
            {failure ? <ErrorBanner failure={failure} /> : null}
            <Btn kind="danger" block disabled={busy} onClick={() => void acknowledge()}>
              接收任务
            </Btn>
          </>
        ) : (
          <Text>{task.progressDueAt ? `已接收。请在 ${hm(task.progressDueAt)} 前报告进展，逾时将重新打开并报告发起人和上级领导。` : '已接收。'}</Text>
        )}
      </View>
      <ActionForm
        title="报告进展"
        hint="写明做了什么、现在怎样；任务完成时选「已完成」。"
        placeholder="例如：已联系上客户，正在安抚"
        textRequired
        maxLength={DESCRIPTION_MAX}
        choices={[
          { value: 'progress', label: '进展' },
          { value: 'done', label: '已完成' },
        ]}
        submitText="提交"
        onSubmit={(note, choice) => call('emergencies.progress', { caseId: item.id, note, done: choice === 'done' })}
        onDone={(c) => {
          void Taro.showToast({ title: '已报告', icon: 'success' });
          onChange(c);
        }}
      />
    </>
  );
}

/** The starter's tools: who was reached, 转派, 追加分工, 结束. */
function StarterTools({ item, onChange }: { item: Emergency; onChange: (c: CaseView) => void }) {
  const live = item.data.assignments.filter((a) => a.status === 'alerted' || a.status === 'acknowledged');
  const [members, setMembers] = useState<PersonRef[] | null>(null);
  const [mode, setMode] = useState<'reassign' | 'assign' | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [task, setTask] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);

  async function open(m: 'reassign' | 'assign') {
    setMode(mode === m ? null : m);
    setFailure(null);
    if (members) return;
    const r = await call('emergencies.form', { groupId: item.group.id });
    if (!r.ok) return setFailure(r);
    setMembers(r.data.members);
  }
  async function submit() {
    if (!to) return;
    const r =
      mode === 'reassign'
        ? from
          ? await call('emergencies.reassign', { caseId: item.id, fromPersonId: from, toPersonId: to, ...(task.trim() ? { task: task.trim() } : {}) })
          : null
        : await call('emergencies.assign', { caseId: item.id, assignments: [{ personId: to, task: task.trim() }] });
    if (!r) return;
    if (!r.ok) return setFailure(r);
    setMode(null);
    setTo(null);
    setFrom(null);
    setTask('');
    setFailure(null);
    void Taro.showToast({ title: mode === 'reassign' ? '已转派' : '已追加', icon: 'success' });
    onChange(r.data);
  }
  const ready = !!to && (mode === 'reassign' ? !!from : !!task.trim());
  return (
    <>
      <Reach item={item} />
      <View className="qw-card">
        <View className="qw-section-title">调整分工</View>
        <View className="qw-row qw-row--actions">
          {live.length ? (
            <Btn kind="ghost" small onClick={() => void open('reassign')}>
              转派任务
            </Btn>
          ) : null}
          <Btn kind="ghost" small onClick={() => void open('assign')}>
            追加分工
          </Btn>
        </View>
        {mode && members ? (
          <View>
            {mode === 'reassign' ? (
              <>
                <View className="qw-label">转派谁的任务</View>
                <Chips choices={live.map((a) => ({ value: a.personId, label: `${a.name}：${a.task}` }))} value={from} onChange={setFrom} />
              </>
            ) : null}
            <View className="qw-label">{mode === 'reassign' ? '转派给' : '分派给'}</View>
            <Chips choices={members.map((m) => ({ value: m.id, label: m.name }))} value={to} onChange={setTo} />
            <View className="qw-label">{mode === 'reassign' ? '任务（不填沿用原任务）' : '任务'}</View>
            <Input className="qw-input" value={task} maxlength={EMERGENCY_TASK_MAX} placeholder="例如：到现场" onInput={(e) => setTask(e.detail.value)} />
            <Btn block disabled={!ready} onClick={() => void submit()}>
              {mode === 'reassign' ? '确认转派' : '确认追加'}
            </Btn>
          </View>
        ) : null}
        {failure ? <ErrorBanner failure={failure} /> : null}
      </View>
      <ActionForm
        title="结束紧急事件"
        hint="写明处置结果和后续安排；结束后不再提醒任何人。"
        placeholder="处置总结（必填）"
        textRequired
        maxLength={DESCRIPTION_MAX}
        submitText="结束紧急事件"
        tone="danger"
        onSubmit={(summary) => call('emergencies.close', { caseId: item.id, summary })}
        onDone={(c) => {
          void Taro.showToast({ title: '已结束', icon: 'success' });
          onChange(c);
        }}
      />
    </>
  );
}

/** Who the alerts reached by WeChat push; the others as an @名单 to paste into the group. */
function Reach({ item }: { item: Emergency }) {
  const [reach, setReach] = useState<EmergencyReach | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  async function load() {
    const r = await call('emergencies.reach', { caseId: item.id });
    if (!r.ok) return setFailure(r);
    setFailure(null);
    setReach(r.data);
  }
  return (
    <View className="qw-card" data-testid="reach">
      <View className="qw-row qw-row--between">
        <Text className="qw-section-title">送达情况</Text>
        <Btn kind="ghost" small onClick={() => void load()}>
          {reach ? '刷新' : '查看'}
        </Btn>
      </View>
      {failure ? <ErrorBanner failure={failure} /> : null}
      {reach ? (
        <>
          <KvRow k="已推送到微信">{reach.reached.map((p) => p.name).join('、') || '无'}</KvRow>
          {reach.pending.length ? <KvRow k="发送中">{reach.pending.map((p) => p.name).join('、')}</KvRow> : null}
          <KvRow k="未收到推送">{reach.notReached.map((p) => p.name).join('、') || '无'}</KvRow>
          {reach.mentionText ? (
            <>
              <Text className="qw-hint">没有订阅授权的成员收不到微信推送，只有打开小程序才会看到。请把下面的 @名单 粘贴到微信群里。</Text>
              <View className="qw-mention">{reach.mentionText}</View>
              <Btn block onClick={() => void Taro.setClipboardData({ data: reach.mentionText })}>
                复制 @名单
              </Btn>
            </>
          ) : null}
        </>
      ) : (
        <Text className="qw-hint">看看谁收到了微信推送，谁需要在微信群里 @ 一下。</Text>
      )}
    </View>
  );
}
