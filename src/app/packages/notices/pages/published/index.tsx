// 我发布的通知: what I published, with how many have acknowledged each; the way to publish another.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeView } from '../../../../../contract';
import { call } from '../../../../api';
import { Btn } from '../../../../components/Btn';
import { EmptyState } from '../../../../components/EmptyState';
import { PagedList } from '../../../../components/PagedList';
import { usePaged } from '../../../../hooks/usePaged';
import { routes } from '../../../../lib/routes';
import { NoticeCard } from '../../components/NoticeCard';
import '../../notices.scss';

export default function PublishedNoticesPage() {
  const list = usePaged<NoticeView>((offset, limit) => call('notices.list', { scope: 'published', offset, limit }));
  const publish = () => void Taro.navigateTo({ url: routes.noticePublish() });
  return (
    <View className="qw-page">
      <View className="qw-row qw-row--between qw-header">
        <View className="qw-header__title">我发布的通知</View>
        <Btn small onClick={publish}>
          发布通知
        </Btn>
      </View>
      <PagedList
        list={list}
        render={(n) => <NoticeCard key={n.id} notice={n} />}
        empty={<EmptyState title="你还没有发布过通知" description="发布后，可在这里查看每条通知的确认情况。" />}
      />
    </View>
  );
}
