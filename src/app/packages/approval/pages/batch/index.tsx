// 批量处理 (issue 19): 待办 in selection mode. An admin ticks several waiting cases of a kind that allows
// it and approves them, or rejects them with one reason, in one action. Each case is decided on its own
// (its own version check); the answer lists every case's result and one refusal never blocks the others.
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { BATCH_MAX, REASON_MAX, type BatchResult, type CaseView, type Failure } from '../../../../../contract';
import { call } from '../../../../api';
import { Btn } from '../../../../components/Btn';
import { CaseCard } from '../../../../components/CaseCard';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { PagedList } from '../../../../components/PagedList';
import { usePaged } from '../../../../hooks/usePaged';
import '../../approval.scss';

const loadInbox = (offset: number, limit: number) => call('inbox.list', { offset, limit });

/** Cases the caller may decide in a batch: the kind allows it and the caller decides this step. */
export function batchable(c: CaseView): boolean {
  return Boolean(c.approval?.batch) && (c.allowed.includes('approve') || c.allowed.includes('reject'));
}

interface Outcome {
  decision: 'approve' | 'reject';
  result: BatchResult;
  /** Titles as they were when decided: the reloaded list no longer has the decided cases. */
  titles: Record<string, string>;
}

export default function BatchPage() {
  const { params } = useRouter();
  const list = usePaged<CaseView>(loadInbox);
  const [kind, setKind] = useState<string | null>(params.kind ?? null);
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const inFlight = useRef(false);

  const eligible = list.items.filter(batchable);
  const kinds = [...new Map(eligible.map((c) => [c.kind, c.kindLabel])).entries()];
  const current = kinds.some(([k]) => k === kind) ? kind : (kinds[0]?.[0] ?? null);
  const shown = eligible.filter((c) => c.kind === current);
  const chosen = shown.filter((c) => selected.includes(c.id));
  const all = shown.length > 0 && chosen.length === Math.min(shown.length, BATCH_MAX);
  const text = reason.trim();

  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length < BATCH_MAX ? [...s, id] : s));
  const toggleAll = () => setSelected(all ? [] : shown.slice(0, BATCH_MAX).map((c) => c.id));
  const pickKind = (k: string) => {
    setKind(k);
    setSelected([]);
  };

  async function decide(decision: 'approve' | 'reject') {
    if (!chosen.length || inFlight.current) return;
    const verb = decision === 'approve' ? '批准' : '驳回';
    const ok = await Taro.showModal({
      title: `批量${verb}`,
      content: `${verb}所选的 ${chosen.length} 项${current ? kinds.find(([k]) => k === current)?.[1] ?? '' : ''}？每一项单独处理，已被他人处理的会在结果中列出。`,
      confirmText: verb,
      ...(decision === 'reject' ? { confirmColor: '#d83931' } : {}),
    });
    if (!ok.confirm) return;
    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    const caseIds = chosen.map((c) => c.id);
    const titles = Object.fromEntries(chosen.map((c) => [c.id, `${c.subject.name}：${c.title}`]));
    const r = await call('inbox.decideMany', decision === 'reject' ? { caseIds, decision, reason: text } : text ? { caseIds, decision, reason: text } : { caseIds, decision });
    inFlight.current = false;
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setOutcome({ decision, result: r.data, titles });
    setSelected([]);
    setReason('');
    void Taro.showToast({ title: r.data.failed ? `${r.data.decided} 项已${verb}` : `已${verb} ${r.data.decided} 项`, icon: r.data.failed ? 'none' : 'success' });
    void list.reload();
  }

  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">批量处理</View>
        <View className="qw-header__sub">勾选同一类事项，一次批准或以同一理由驳回；每项单独处理，一项未成功不影响其他项</View>
      </View>

      {outcome ? <OutcomeCard outcome={outcome} /> : null}

      {kinds.length > 1 ? (
        <View className="qw-chips">
          {kinds.map(([k, label]) => (
            <View key={k} className={`qw-chip${k === current ? ' qw-chip--on' : ''}`} onClick={() => pickKind(k)}>
              {`${label}（${eligible.filter((c) => c.kind === k).length}）`}
            </View>
          ))}
        </View>
      ) : null}

      {shown.length ? (
        <View className="qw-batch-all" onClick={toggleAll} role="checkbox" aria-checked={all}>
          <View className="qw-row">
            <Text className={`qw-pledge__box ${all ? 'qw-pledge__box--on' : ''}`}>{all ? '✓' : ''}</Text>
            <Text>{`全选（共 ${shown.length} 项）`}</Text>
          </View>
          <Text className="qw-muted">{`已选 ${chosen.length} 项`}</Text>
        </View>
      ) : null}

      <PagedList
        list={list}
        items={shown}
        render={(c) => {
          const on = selected.includes(c.id);
          return (
            <View key={c.id} className={`qw-batch-item${on ? ' qw-batch-item--on' : ''}`} role="checkbox" aria-checked={on} data-select={c.id}>
              <Text className={`qw-pledge__box ${on ? 'qw-pledge__box--on' : ''}`} onClick={() => toggle(c.id)}>
                {on ? '✓' : ''}
              </Text>
              <CaseCard item={c} showSubject onTap={() => toggle(c.id)} />
            </View>
          );
        }}
        empty={<EmptyState title="没有可批量处理的事项" description="改名、外部人员入群、查阅聊天记录、入群和移出群等申请可以批量处理；其他事项请逐项办理。" />}
      />

      {shown.length ? (
        <View className="qw-card qw-decision">
          <View className="qw-section-title">{`处理所选的 ${chosen.length} 项`}</View>
          <Textarea
            className="qw-textarea"
            value={reason}
            maxlength={REASON_MAX}
            placeholder="驳回理由（驳回时必填，所选各项共用，申请人会看到）；批准时可写备注"
            onInput={(e) => setReason(e.detail.value)}
          />
          {failure ? <ErrorBanner failure={failure} /> : null}
          <View className="qw-row qw-row--actions">
            <Btn kind="danger" disabled={busy || !chosen.length || !text} onClick={() => void decide('reject')}>
              驳回
            </Btn>
            <Btn disabled={busy || !chosen.length} onClick={() => void decide('approve')}>
              {chosen.length ? `批准 ${chosen.length} 项` : '批准'}
            </Btn>
          </View>
        </View>
      ) : null}
    </View>
  );
}

function OutcomeCard({ outcome }: { outcome: Outcome }) {
  const { result, titles } = outcome;
  const verb = outcome.decision === 'approve' ? '批准' : '驳回';
  return (
    <View className="qw-card" data-testid="batch-result">
      <View className="qw-section-title">{`处理结果：${result.decided} 项已${verb}${result.failed ? `，${result.failed} 项未成功` : ''}`}</View>
      {result.items.map((i) => (
        <View key={i.caseId} className="qw-batch-result">
          <View>{titles[i.caseId] ?? i.caseId}</View>
          {i.ok ? (
            <Text className="qw-batch-result__ok">{`✓ ${i.stateLabel}`}</Text>
          ) : (
            <Text className="qw-batch-result__fail">{`✗ ${i.message}`}</Text>
          )}
        </View>
      ))}
    </View>
  );
}
