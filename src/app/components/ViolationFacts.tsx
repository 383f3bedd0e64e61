// The facts of a violation case as every reader sees them: what, the ladder's proposal and why, the
// decision, evidence (expiring links), the chat-record backups it cites (§6.2, each with a copyable
// citation), the appeal and its answers, the WeChat task, the whole history.
import { Text, View } from '@tarojs/components';
import { APPEAL_OUTCOME_LABELS, MEASURES, PENALTY_LABELS, SEVERITY_LABELS, type CaseViewOf, type EvidenceLink, type Penalty } from '../../contract';
import { formatDateTime } from '../lib/time';
import { CaseSummary } from './CaseSummary';
import { CopyCitation } from './CopyCitation';
import { HistoryList } from './HistoryList';
import { ImageStrip } from './ImageStrip';
import { KvRow } from './KvRow';

function Evidence({ links }: { links: EvidenceLink[] | undefined }) {
  if (!links?.length) return null;
  const pending = links.filter((l) => l.pending).length;
  return (
    <>
      <ImageStrip links={links} label={(i) => `查看第 ${i + 1} 张图片`} />
      {pending ? <Text className="qw-hint">{`${pending} 张图片正在进行内容安全检查，通过前只有上传人和管理员能看到`}</Text> : null}
    </>
  );
}

export function ViolationFacts({ item }: { item: CaseViewOf<'violation'> }) {
  const d = item.data;
  const penalty = d.penalty === 'pending' ? '待上级领导决定' : PENALTY_LABELS[d.penalty];
  return (
    <>
      <CaseSummary item={item} />
      <View className="qw-card" data-testid="violation-facts">
        <View className="qw-section-title">违规情况</View>
        <KvRow k="违规类别">{d.category}</KvRow>
        <KvRow k="情节">{SEVERITY_LABELS[d.severity]}</KvRow>
        <KvRow k="情况说明">{d.description}</KvRow>
        <Evidence links={item.links?.evidence} />
        <KvRow k="系统建议">{PENALTY_LABELS[d.proposed]}</KvRow>
        {d.proposalReasons.map((r) => (
          <View className="qw-hint" key={r}>
            {r}
          </View>
        ))}
        {d.lighterReason ? <KvRow k="从轻理由">{d.lighterReason}</KvRow> : null}
        <KvRow k="当前处理">{penalty}</KvRow>
        {d.measureReason ? <KvRow k="处分理由">{d.measureReason}</KvRow> : null}
        {d.filedWith.length ? <KvRow k="备案">已报上级领导备案</KvRow> : null}
        {d.task ? (
          <KvRow k={d.task.action === 'remove' ? '移出群聊' : '重新拉回群'}>
            {{ pending: '待管理员在微信中操作并确认', done: `已完成（${d.task.at ? formatDateTime(d.task.at) : ''}）`, cancelled: '已取消（处理已减轻或撤销）' }[d.task.status]}
          </KvRow>
        ) : null}
        {d.task?.status === 'pending' && d.task.dueAt ? <KvRow k="群内操作期限">{`${formatDateTime(d.task.dueAt)}${d.task.stage === 2 ? '（已超期，已报上级领导）' : d.task.stage === 1 ? '（已超期，已提醒）' : ''}`}</KvRow> : null}
        {d.appealDeadline ? <KvRow k="申诉期限">{formatDateTime(d.appealDeadline)}</KvRow> : null}
        {item.hiddenFiles ? <KvRow k="已隐藏的图片">{`${item.hiddenFiles} 张未通过内容安全检查`}</KvRow> : null}
      </View>
      {item.citations?.length ? (
        <View className="qw-card" data-testid="cited-backups">
          <View className="qw-section-title">引用的聊天记录</View>
          {item.citations.map((c) => (
            <CopyCitation key={c.backupId} citation={c.citation} />
          ))}
        </View>
      ) : null}
      {d.appeal ? (
        <View className="qw-card">
          <View className="qw-section-title">申诉</View>
          <KvRow k="申诉理由">{d.appeal.reasons}</KvRow>
          <Evidence links={item.links?.appealEvidence} />
          {d.answer ? <KvRow k="管理员答复">{`${APPEAL_OUTCOME_LABELS[d.answer.outcome]}：${d.answer.finding}`}</KvRow> : null}
          {d.escalation ? <KvRow k="向领导申诉">{d.escalation.reasons}</KvRow> : null}
          {d.ruling ? <KvRow k="最终裁决">{`${APPEAL_OUTCOME_LABELS[d.ruling.outcome]}：${d.ruling.finding}`}</KvRow> : null}
        </View>
      ) : null}
      <View className="qw-card">
        <View className="qw-section-title">处理记录</View>
        <HistoryList items={item.history ?? []} />
      </View>
    </>
  );
}

/** Answer and ruling choices: uphold, reduce to each lighter penalty of the same kind, revoke. */
export function outcomeChoices(item: CaseViewOf<'violation'>): { value: string; label: string }[] {
  const p = item.data.penalty;
  // Measures run lightest first: the lighter ones are those before the current one.
  const lighter: Penalty[] = p === 'removal' ? ['warning'] : MEASURES.slice(0, Math.max(0, MEASURES.findIndex((m) => m === p)));
  return [
    { value: 'uphold', label: APPEAL_OUTCOME_LABELS.uphold },
    ...lighter.map((l) => ({ value: `reduce:${l}`, label: `减轻为${PENALTY_LABELS[l]}` })),
    { value: 'revoke', label: APPEAL_OUTCOME_LABELS.revoke },
  ];
}

/** `reduce:warning` → the contract's outcome and reducedTo. */
export function parseOutcome(choice: string | null): { outcome: 'uphold' | 'reduce' | 'revoke'; reducedTo?: 'warning' | 'removal' | 'criticism' | 'fine' | 'demotion' | 'dismissal' } {
  const [outcome, to] = (choice ?? 'uphold').split(':');
  return to ? { outcome: 'reduce', reducedTo: to as never } : { outcome: outcome as 'uphold' | 'revoke' };
}
