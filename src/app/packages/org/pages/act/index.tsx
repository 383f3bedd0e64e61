// 事项办理: every case kind but rename — roster tasks, guests, admin filings and changes, elections.
// Shows the case and its whole history, and the commands the caller may issue now.
import { Text, Textarea, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { REASON_MAX, type CaseCommand, type CaseView, type CaseViewOf } from '../../../../../contract';
import { call } from '../../../../api';
import { CaseSummary } from '../../../../components/CaseSummary';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { HistoryList } from '../../../../components/HistoryList';
import { KvRow } from '../../../../components/KvRow';
import { StepActions } from '../../../../components/StepActions';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { routes } from '../../../../lib/routes';
import { Chooser } from '../../components/Chooser';
import { useAction } from '../../../../hooks/useAction';

const TIE_RULE_TEXT = '平票规则：得票最多的候选人票数相同时，由上级领导在他们之中决定。';

export default function ActPage() {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  const remote = useRemote(() => call('cases.get', { caseId }), { refreshOnShow: true });
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(c) => <Act item={c} onChange={remote.replace} />}</RemoteView>
    </View>
  );
}

const CONFIRM_TEXT: Record<string, string> = {
  onboard: '已拉入群，确认完成',
  offboard: '已移出群，确认完成',
  naming_fix: '已核对改正，确认完成',
  adding: '已拉入群，确认',
  removing: '已移出群，确认',
};

function Act({ item, onChange }: { item: CaseView; onChange: (c: CaseView) => void }) {
  const action = useAction();
  const [text, setText] = useState('');
  const can = (cmd: CaseCommand) => item.allowed.includes(cmd);

  async function run(fn: () => ReturnType<typeof call<'tasks.confirm'>>, toast: string) {
    const r = await action.run(fn);
    if (r) {
      setText('');
      void Taro.showToast({ title: toast, icon: 'success' });
      onChange(r);
    }
  }
  const decide = (approve: boolean) => {
    // A rejection without a reason is refused by call() itself, with the contract's prompt.
    const reason = text.trim();
    const input = { caseId: item.id, approve, ...(reason ? { reason } : {}) };
    return run(() => (item.kind === 'guest' ? call('guests.decide', input) : call('admins.decideChange', input)), approve ? '已批准' : '已驳回');
  };

  return (
    <>
      <CaseSummary item={item} />
      <Details item={item} />
      {action.failure ? <ErrorBanner failure={action.failure} /> : null}

      {can('confirm') ? (
        <View className="qw-card">
          <View className="qw-hint">群务不能替你在微信里拉人或移人：请先在微信群里完成，再回来确认。</View>
          <Btn block disabled={action.busy} onClick={() => void run(() => call('tasks.confirm', { caseId: item.id }), '已确认')}>
            {CONFIRM_TEXT[item.kind === 'guest' ? item.state : item.kind] ?? '确认完成'}
          </Btn>
        </View>
      ) : null}
      {can('approve') || can('reject') ? (
        <View className="qw-card qw-decision">
          <View className="qw-section-title">审批</View>
          <Textarea className="qw-textarea" value={text} maxlength={REASON_MAX} placeholder="驳回理由（驳回时必填）；批准时可写备注" onInput={(e) => setText(e.detail.value)} />
          <View className="qw-row qw-row--actions">
            <Btn kind="danger" disabled={action.busy || !text.trim()} onClick={() => void decide(false)}>
              驳回
            </Btn>
            <Btn disabled={action.busy} onClick={() => void decide(true)}>
              批准
            </Btn>
          </View>
        </View>
      ) : null}
      {can('acknowledge') ? (
        <View className="qw-card">
          <View className="qw-hint">管理员任命已生效，报你备案。</View>
          <Btn block disabled={action.busy} onClick={() => void run(() => call('cases.acknowledge', { caseId: item.id }), '已备案')}>
            已阅，备案
          </Btn>
        </View>
      ) : null}
      {item.kind === 'election' ? <Election item={item} busy={action.busy} run={run} /> : null}
      <StepActions item={item} />

      <View className="qw-card">
        <View className="qw-section-title">处理记录</View>
        <HistoryList items={item.history ?? []} />
      </View>
      <View className="qw-load-more" onClick={() => void Taro.navigateTo({ url: routes.group(item.group.id) })}>
        {`查看「${item.group.name}」名册`}
      </View>
    </>
  );
}

/** The rows a kind shows above its commands; empty ones are left out. */
function detailRows(item: CaseView): [string, string | undefined][] {
  switch (item.kind) {
    case 'guest': {
      const d = item.data;
      return [['外部人员', `${d.guestName}（外部，${d.organisation}）`], ['申请人', d.subjectName], ['理由', d.reason], ['期限至', d.endDate], ['驳回理由', d.rejectReason]];
    }
    case 'admin_change': {
      const d = item.data;
      return [['现任管理员', d.subjectName], ['接任人', d.successorName], ['理由', d.reason], ['驳回理由', d.rejectReason]];
    }
    case 'admin_filing': {
      const d = item.data;
      return [['新管理员', d.subjectName], ['产生方式', d.how === 'appointed' ? `群创建者 ${d.byName} 指定` : '群成员选举']];
    }
    case 'election':
      return [];
    case 'naming_fix':
    case 'onboard':
    case 'offboard':
      return [['原因', item.data.reason], ['规范昵称', item.data.canonical]];
    case 'rename':
    case 'record_access':
    case 'departure':
      return [['原因', item.data.reason]];
    default:
      return [];
  }
}

function Details({ item }: { item: CaseView }) {
  const shown = detailRows(item).filter((row): row is [string, string] => !!row[1]);
  if (!shown.length) return null;
  return (
    <View className="qw-card">
      {shown.map(([k, v]) => (
        <KvRow key={k} k={k}>
          {v}
        </KvRow>
      ))}
    </View>
  );
}

type Run = (fn: () => ReturnType<typeof call<'tasks.confirm'>>, toast: string) => Promise<void>;

function Election({ item, busy, run }: { item: CaseViewOf<'election'>; busy: boolean; run: Run }) {
  const d = item.data;
  const names = d.names;
  const label = (id: string) => names[id] ?? id;
  const candidates = d.candidates;
  const can = (cmd: CaseCommand) => item.allowed.includes(cmd);
  return (
    <View className="qw-card" data-election>
      <View className="qw-section-title">候选人与票数</View>
      {candidates.length ? (
        candidates.map((c) => (
          <View className="qw-kv" key={c}>
            <Text className="qw-kv__k">{label(c)}</Text>
            <Text className="qw-kv__v">{item.state === 'nominating' ? '已提名' : `${d.tally[c] ?? 0} 票`}</Text>
          </View>
        ))
      ) : (
        <Text className="qw-hint">还没有人被提名。</Text>
      )}
      {item.state !== 'nominating' ? <Text className="qw-hint">{`已投票 ${d.voted} / ${d.electorateSize} 人${d.myVote ? `，你投给了 ${label(d.myVote)}` : ''}`}</Text> : null}
      <View className="qw-hint">{TIE_RULE_TEXT}</View>
      {can('nominate') ? (
        <>
          <View className="qw-label">提名（可自荐，点一下即提名）</View>
          <Chooser name="nominate" choices={Object.keys(names).filter((id) => !candidates.includes(id)).map((id) => ({ id, label: label(id) }))} selected={[]} onChange={(ids) => ids[0] && !busy && void run(() => call('elections.nominate', { caseId: item.id, personId: ids[0] }), '已提名')} />
        </>
      ) : null}
      {can('vote') ? (
        <>
          <View className="qw-label">投票（每人一票，投出后不能更改）</View>
          <Chooser name="vote" choices={candidates.map((id) => ({ id, label: label(id) }))} selected={[]} onChange={(ids) => ids[0] && !busy && void run(() => call('elections.vote', { caseId: item.id, candidateId: ids[0] }), '已投票')} />
        </>
      ) : null}
      {can('decide') ? (
        <>
          <View className="qw-label">平票，请在以下候选人中决定</View>
          <Chooser name="decide" choices={(d.tied ?? []).map((id) => ({ id, label: label(id) }))} selected={[]} onChange={(ids) => ids[0] && !busy && void run(() => call('elections.decideTie', { caseId: item.id, personId: ids[0] }), '已决定')} />
        </>
      ) : null}
      {d.winnerId ? <View className="qw-notice qw-notice--strong">{`当选管理员：${label(d.winnerId)}（已报上级领导备案）`}</View> : null}
    </View>
  );
}
