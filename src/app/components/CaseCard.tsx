import { Text, View } from '@tarojs/components';
import type { CaseView } from '../../contract';
import { escalationLabel, groupLabel, subjectLabel, waitingOnText } from '../lib/labels';
import { Deadline } from './Deadline';
import { StateTag, Tag } from './StateTag';

interface Props {
  item: CaseView;
  onTap?: () => void;
  /** In an admin's list the person who asked matters; in my own list it is me. */
  showSubject?: boolean;
}

export function CaseCard({ item, onTap, showSubject = false }: Props) {
  const escalation = item.open ? escalationLabel(item.escalation) : null;
  return (
    <View className="qw-card qw-case-card" onClick={onTap} data-case={item.id}>
      <View className="qw-row qw-row--between">
        <Text className="qw-case-card__kind">{item.kindLabel}</Text>
        <View className="qw-row">
          {item.approval?.actingFor ? <Tag tone="info">{`代 ${item.approval.actingFor.name}`}</Tag> : null}
          {escalation ? <Tag tone="danger">{escalation}</Tag> : null}
          <StateTag state={item.state} label={item.stateLabel} />
        </View>
      </View>
      <View className="qw-case-card__title">{item.title}</View>
      <View className="qw-kv">
        <Text className="qw-kv__k">{groupLabel(item.kind)}</Text>
        <Text className="qw-kv__v">{item.group.name}</Text>
      </View>
      {showSubject ? (
        <View className="qw-kv">
          <Text className="qw-kv__k">{subjectLabel(item.kind)}</Text>
          <Text className="qw-kv__v">{item.subject.name}</Text>
        </View>
      ) : null}
      <View className="qw-kv">
        <Text className="qw-kv__k">截止</Text>
        <Deadline dueAt={item.dueAt} unconfirmed={item.dueAtUnconfirmed} open={item.open} />
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">等待</Text>
        <Text className="qw-kv__v">{waitingOnText(item.approval?.assignees ?? item.waitingOn, item.open)}</Text>
      </View>
    </View>
  );
}
