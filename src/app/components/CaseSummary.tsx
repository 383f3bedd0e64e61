// The facts of one case, as the case page and the admin's review page show them.
import { Text, View } from '@tarojs/components';
import type { CaseView } from '../../contract';
import { escalationLabel, groupLabel, subjectLabel, waitingOnText } from '../lib/labels';
import { formatDateTime } from '../lib/time';
import { Deadline } from './Deadline';
import { StateTag, Tag } from './StateTag';
import { KvRow } from './KvRow';

const str = (v: string | null | undefined) => v || null;

/** The written facts a kind has: a rename's nickname and note, the reason a case was asked, rejected or recorded. */
function writtenFacts(item: CaseView): { nickname?: string; previous?: string | null; note?: string; reason?: string } {
  switch (item.kind) {
    case 'rename':
      return item.data;
    case 'record_access':
      return { note: item.data.note, reason: item.data.reason };
    case 'naming_fix':
    case 'onboard':
    case 'offboard':
    case 'guest':
    case 'admin_change':
    case 'departure':
      return { reason: item.data.reason };
    default:
      return {};
  }
}

/** `reason` is a rename's rejection, a leaver's reason for leaving, or why someone asked. */
function reasonLabel(kind: string): string {
  if (kind === 'rename') return '驳回理由';
  if (kind === 'offboard' || kind === 'departure') return '离职原因';
  return '理由';
}

export function CaseSummary({ item }: { item: CaseView }) {
  const escalation = item.open ? escalationLabel(item.escalation) : null;
  const facts = writtenFacts(item);
  const nickname = str(facts.nickname);
  const previous = str(facts.previous);
  const note = str(facts.note);
  const reason = str(facts.reason);
  return (
    <View className="qw-card">
      <View className="qw-row qw-row--between">
        <Text className="qw-case-card__kind">{item.kindLabel}</Text>
        <View className="qw-row">
          {escalation ? <Tag tone="danger">{escalation}</Tag> : null}
          <StateTag state={item.state} label={item.stateLabel} />
        </View>
      </View>
      <View className="qw-case-card__title">{item.title}</View>
      <KvRow k={groupLabel(item.kind)}>{item.group.name}</KvRow>
      <KvRow k={subjectLabel(item.kind)}>{item.subject.name}</KvRow>
      {nickname ? <KvRow k="申请昵称">{nickname}</KvRow> : null}
      {item.kind === 'rename' ? <KvRow k="原昵称">{previous ?? '（未登记）'}</KvRow> : null}
      {note ? <KvRow k="申请备注">{note}</KvRow> : null}
      {reason ? <KvRow k={reasonLabel(item.kind)}>{reason}</KvRow> : null}
      <View className="qw-kv">
        <Text className="qw-kv__k">处理期限</Text>
        <Deadline dueAt={item.dueAt} unconfirmed={item.dueAtUnconfirmed} open={item.open} />
      </View>
      <KvRow k="等待">{waitingOnText(item.approval?.assignees ?? item.waitingOn, item.open)}</KvRow>
      <KvRow k={item.kind === 'departure' ? '登记时间' : '提交时间'}>{formatDateTime(item.createdAt)}</KvRow>
    </View>
  );
}
