// 群通知: a group's notices, newest first, each with its status; someone who joined later sees
// them too (they owe none).
import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { NoticeView } from '../../../../../contract';
import { call } from '../../../../api';
import { EmptyState } from '../../../../components/EmptyState';
import { PagedList } from '../../../../components/PagedList';
import { usePaged } from '../../../../hooks/usePaged';
import { NoticeCard } from '../../components/NoticeCard';

export default function GroupNoticesPage() {
  const { params } = useRouter();
  const groupId = params.groupId ?? '';
  const list = usePaged<NoticeView>((offset, limit) => call('notices.list', { scope: 'group', groupId, offset, limit }));
  const name = list.items[0]?.groups.find((g) => g.id === groupId)?.name;
  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">{name ? `${name} · 通知` : '群通知'}</View>
        <View className="qw-header__sub">发往本群的通知，最新的在前。</View>
      </View>
      <PagedList list={list} what="群通知" render={(n) => <NoticeCard key={n.id} notice={n} />} empty={<EmptyState title="本群还没有通知" description="部门负责人、指定发布人或群管理员发布通知后，会显示在这里；下拉可刷新。" />} />
    </View>
  );
}
