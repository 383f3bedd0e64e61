// One piece of feedback, as its reader may see it: the member who sent it (the state, the answer,
// 追问 once, 已解决), the group's admins (answer or forward), whoever it was forwarded to (answer).
// An anonymous sender reaches everyone but the admins as 一位群成员: the server decides that.
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DESCRIPTION_MAX, REASON_MAX, type CaseView, type CaseViewOf, type Failure, type FeedbackReceiverOption } from '../../../../../contract';
import { call } from '../../../../api';
import { ActionForm, Chips } from '../../../../components/ActionForm';
import { Btn } from '../../../../components/Btn';
import { Deadline } from '../../../../components/Deadline';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { HistoryList } from '../../../../components/HistoryList';
import { RemoteView } from '../../../../components/RemoteView';
import { StateTag, Tag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { formatDateTime } from '../../../../lib/time';
import '../../respond.scss';
import { ImageStrip } from '../../../../components/ImageStrip';
import { KvRow } from '../../../../components/KvRow';

type Feedback = CaseViewOf<'feedback'>;

export default function FeedbackPage() {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  const remote = useRemote(() => call('cases.get', { caseId }), { refreshOnShow: true });
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(c) => (c.kind === 'feedback' ? <FeedbackView item={c} onChange={remote.replace} /> : null)}</RemoteView>
    </View>
  );
}

export function FeedbackView({ item, onChange }: { item: Feedback; onChange: (c: CaseView) => void }) {
  const d = item.data;
  const can = (x: string) => item.allowed.includes(x as never);
  const images = item.links?.images ?? [];
  const done = (title: string) => (c: CaseView) => {
    void Taro.showToast({ title, icon: 'success' });
    onChange(c);
  };
  return (
    <>
      <View className="qw-card">
        <View className="qw-row qw-row--between">
          <View className="qw-row">
            <Tag tone="info">{d.category}</Tag>
            {d.seconds ? <Tag tone="warning">{`${d.seconds} 人附议`}</Tag> : null}
          </View>
          <StateTag state={item.state} label={item.stateLabel} />
        </View>
        <View className="qw-fb-text">{d.text}</View>
        <ImageStrip links={images} />
        <KvRow k="群">{item.group.name}</KvRow>
        <KvRow k="反馈人">{d.mine ? '我' : d.sender ? `${d.sender.name}${d.anonymous ? '（要求对处理部门匿名）' : ''}` : '一位群成员（匿名）'}</KvRow>
        <KvRow k="提交时间">{formatDateTime(item.createdAt)}</KvRow>
        {d.forwardedTo ? <KvRow k="转交">{`${d.forwardedTo.role} ${d.forwardedTo.name}${d.forwardNote ? `：${d.forwardNote}` : ''}`}</KvRow> : null}
        {item.open && item.waitingOn.length ? (
          <View className="qw-kv">
            <Text className="qw-kv__k">答复期限</Text>
            <Deadline dueAt={item.dueAt} unconfirmed={item.dueAtUnconfirmed} open={item.open} />
          </View>
        ) : null}
        {d.anonymous && d.sender && !d.mine ? <Text className="qw-hint">反馈人要求对处理部门匿名：转交说明中请勿透露其身份，转交对象只会看到“一位群成员”。</Text> : null}
      </View>

      {d.answer ? (
        <View className="qw-card" data-testid="answer">
          <View className="qw-section-title">{`答复（${d.answer.byName}，${formatDateTime(d.answer.at)}）`}</View>
          <View className="qw-fb-text">{d.answer.text}</View>
          {d.followUp ? <KvRow k="追问">{d.followUp.text}</KvRow> : null}
        </View>
      ) : null}

      {can('forward') ? <Forward item={item} onChange={done('已转交')} /> : null}
      {can('answer') ? (
        <ActionForm
          title={item.state === 'fb_followup' ? '答复追问' : '答复反馈'}
          hint="答复会直接发给反馈人。"
          placeholder="答复内容（必填）"
          textRequired
          maxLength={DESCRIPTION_MAX}
          submitText="提交答复"
          onSubmit={(answer) => call('feedback.answer', { caseId: item.id, answer })}
          onDone={done('已答复')}
        />
      ) : null}
      {can('followUp') ? (
        <ActionForm
          title="追问"
          hint="对答复还有疑问，可以追问一次，将退回给答复人。"
          placeholder="还想了解什么（必填）"
          textRequired
          maxLength={DESCRIPTION_MAX}
          submitText="追问"
          onSubmit={(text) => call('feedback.followUp', { caseId: item.id, text })}
          onDone={done('已追问')}
        />
      ) : null}
      {can('resolve') ? <Resolve item={item} onChange={done('已确认')} /> : null}

      <View className="qw-card">
        <View className="qw-section-title">处理记录</View>
        <HistoryList items={item.history ?? []} />
      </View>
    </>
  );
}

/** Forward to a department head or the group's leader, with a note. */
function Forward({ item, onChange }: { item: Feedback; onChange: (c: CaseView) => void }) {
  const [receivers, setReceivers] = useState<FeedbackReceiverOption[] | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  async function open() {
    const r = await call('feedback.form', { groupId: item.group.id });
    if (!r.ok) return setFailure(r);
    setReceivers(r.data.receivers);
  }
  async function forward() {
    if (!to) return;
    const r = await call('feedback.forward', { caseId: item.id, toPersonId: to, ...(note.trim() ? { note: note.trim() } : {}) });
    if (!r.ok) return setFailure(r);
    setFailure(null);
    onChange(r.data);
  }
  return (
    <View className="qw-card">
      <View className="qw-row qw-row--between">
        <Text className="qw-section-title">转交处理</Text>
        {receivers ? null : (
          <Btn kind="ghost" small onClick={() => void open()}>
            选择转交对象
          </Btn>
        )}
      </View>
      {receivers ? (
        <>
          <Chips choices={receivers.map((r) => ({ value: r.id, label: `${r.name}（${r.role}）` }))} value={to} onChange={setTo} />
          <Textarea className="qw-textarea" value={note} maxlength={REASON_MAX} placeholder="转交说明（选填）" onInput={(e) => setNote(e.detail.value)} />
          <Btn block disabled={!to} onClick={() => void forward()}>
            转交
          </Btn>
        </>
      ) : (
        <Text className="qw-hint">可转交任一部门负责人或本群的上级领导，由其答复。</Text>
      )}
      {failure ? <ErrorBanner failure={failure} /> : null}
    </View>
  );
}

function Resolve({ item, onChange }: { item: Feedback; onChange: (c: CaseView) => void }) {
  const [failure, setFailure] = useState<Failure | null>(null);
  async function resolve() {
    const ok = await Taro.showModal({ title: '问题已解决', content: '确认后这条反馈结案，不能再追问。确定吗？', confirmText: '已解决' });
    if (!ok.confirm) return;
    const r = await call('feedback.resolve', { caseId: item.id });
    if (!r.ok) return setFailure(r);
    onChange(r.data);
  }
  return (
    <View className="qw-card">
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn kind={item.state === 'fb_answered' ? 'primary' : 'ghost'} block onClick={() => void resolve()}>
        {item.state === 'fb_answered' ? '问题已解决' : '问题已解决，不用再处理'}
      </Btn>
    </View>
  );
}
