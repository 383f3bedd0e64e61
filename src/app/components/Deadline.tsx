import { Text } from '@tarojs/components';
import { formatDeadline, isOverdue } from '../lib/time';

interface Props {
  dueAt: number | null;
  unconfirmed?: boolean;
  /** A closed case has no running deadline, whatever dueAt still says. */
  open?: boolean;
  now?: number;
}

export function Deadline({ dueAt, unconfirmed = false, open = true, now = Date.now() }: Props) {
  if (!open) return <Text className="qw-deadline qw-deadline--closed">已结束</Text>;
  if (dueAt === null) return <Text className="qw-deadline">无截止时间</Text>;
  const overdue = isOverdue(dueAt, now);
  return (
    <Text className={`qw-deadline${overdue ? ' qw-deadline--overdue' : ''}`}>
      {formatDeadline(dueAt, now)}
      {overdue ? '（已超期）' : ''}
      {unconfirmed ? '（节假日未确认）' : ''}
    </Text>
  );
}
