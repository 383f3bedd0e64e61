// 确认情况 (§3.2 确保群成员能够及时收到): per group, who acknowledged and when, who has not, the rate;
// 复制未读名单 puts the @-line on the clipboard to paste into the WeChat group, since the
// mini-program cannot post there itself.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ok, type NoticeReceiptRow, type NoticeReceipts, type Page } from '../../../../../contract';
import { call } from '../../../../api';
import { Chips } from '../../../../components/ActionForm';
import { Btn } from '../../../../components/Btn';
import { EmptyState } from '../../../../components/EmptyState';
import { PagedList } from '../../../../components/PagedList';
import { Tag } from '../../../../components/StateTag';
import { usePaged } from '../../../../hooks/usePaged';
import { formatDateTime, formatDeadline } from '../../../../lib/time';
import '../../notices.scss';

type Filter = 'all' | 'pending' | 'acked';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'pending', label: '未确认' },
  { value: 'acked', label: '已确认' },
];

/** 3 / 4 → 75% */
export function rate(acked: number, owed: number): string {
  return owed ? `${Math.round((acked / owed) * 100)}%` : '—';
}

export default function ReceiptsPage() {
  const { params } = useRouter();
  const noticeId = params.id ?? '';
  const [groupId, setGroupId] = useState<string>('');
  const [filter, setFilter] = useState<Filter>('all');
  // The counts and the @-line come with every page of names; they stay while another list loads.
  const [head, setHead] = useState<NoticeReceipts | null>(null);

  async function copyUnread() {
    if (!head?.unreadLine) return;
    try {
      await Taro.setClipboardData({ data: head.unreadLine });
      void Taro.showToast({ title: '已复制，粘贴到微信群即可', icon: 'none' });
    } catch {
      void Taro.showToast({ title: '复制失败，请长按文字手动复制', icon: 'none' });
    }
  }

  const counts = groupId ? head?.groups.find((g) => g.id === groupId) : head?.total;
  return (
    <View className="qw-page">
      {head ? (
        <>
          <View className="qw-header">
            <View className="qw-header__title">{`《${head.notice.title}》`}</View>
            <View className="qw-header__sub">{`确认截止 ${formatDeadline(head.notice.ackDueAt)}`}</View>
          </View>
          <View className="qw-card" data-testid="group-counts">
            <View className="qw-section-title">各群确认情况</View>
            {head.groups.map((g) => (
              <View className="qw-list-item" key={g.id} data-group={g.id}>
                <Text>{g.name}</Text>
                <Text className="qw-rate">{`已确认 ${g.acked} / ${g.owed}　${rate(g.acked, g.owed)}`}</Text>
              </View>
            ))}
            {head.groups.length > 1 ? (
              <View className="qw-list-item" data-group="total">
                <Text>合计（每人只计一次）</Text>
                <Text className="qw-rate">{`已确认 ${head.total.acked} / ${head.total.owed}　${rate(head.total.acked, head.total.owed)}`}</Text>
              </View>
            ) : null}
          </View>
          {head.groups.length > 1 ? (
            <Chips choices={[{ value: '', label: '全部群' }, ...head.groups.map((g) => ({ value: g.id, label: g.name }))]} value={groupId} onChange={setGroupId} />
          ) : null}
          <Chips choices={FILTERS} value={filter} onChange={(v) => setFilter(v as Filter)} />
          {counts && counts.acked < counts.owed && head.unreadLine ? (
            <View className="qw-card">
              <View className="qw-citation__text" data-testid="unread-line">
                {head.unreadLine}
              </View>
              <Btn kind="ghost" small onClick={() => void copyUnread()}>
                复制未读名单
              </Btn>
              <Text className="qw-hint">小程序不能在微信群里发消息：复制后粘贴到群里，提醒未确认的人。</Text>
            </View>
          ) : null}
        </>
      ) : null}
      {/* A new group or filter is a new list, from its first page. */}
      <Names key={`${groupId}:${filter}`} noticeId={noticeId} groupId={groupId} filter={filter} onHead={setHead} />
    </View>
  );
}

function Names({ noticeId, groupId, filter, onHead }: { noticeId: string; groupId: string; filter: Filter; onHead: (r: NoticeReceipts) => void }) {
  const list = usePaged<NoticeReceiptRow, Page<NoticeReceiptRow> & { receipts: NoticeReceipts }>(
    async (offset, limit) => {
      const r = await call('notices.receipts', { noticeId, filter, offset, limit, ...(groupId ? { groupId } : {}) });
      if (!r.ok) return r;
      const { items, matching, offset: at, limit: size } = r.data;
      return ok({ items, total: matching, offset: at, limit: size, receipts: r.data });
    },
    (page) => onHead(page.receipts),
  );
  return (
    <PagedList
      list={list}
      render={(row) => <ReceiptRow key={row.person.id} row={row} />}
      empty={<EmptyState title={filter === 'pending' ? '所有人都已确认' : filter === 'acked' ? '还没有人确认' : '没有需要确认的人'} />}
    />
  );
}

function ReceiptRow({ row }: { row: NoticeReceiptRow }) {
  return (
    <View className="qw-card" data-person={row.person.name}>
      <View className="qw-row qw-row--between">
        <Text className="qw-group__name">{row.nickname || row.person.name}</Text>
        {row.ackedAt === null ? <Tag tone="danger">未确认</Tag> : row.late ? <Tag tone="warning">逾期确认</Tag> : <Tag tone="success">已确认</Tag>}
      </View>
      <View className="qw-group__meta">{`${row.groups.join('、')}${row.ackedAt !== null ? ` · ${formatDateTime(row.ackedAt)}` : ''}`}</View>
    </View>
  );
}
