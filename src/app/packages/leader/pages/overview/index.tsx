// The leader's view: what admins let run past its deadline and was escalated to them (R3, R11).
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { CaseView } from '../../../../../contract';
import { call } from '../../../../api';
import { CaseCard } from '../../../../components/CaseCard';
import { EmptyState } from '../../../../components/EmptyState';
import { PagedList } from '../../../../components/PagedList';
import { usePaged } from '../../../../hooks/usePaged';
import { caseRoute } from '../../../../lib/routes';

const loadInbox = (offset: number, limit: number) => call('inbox.list', { offset, limit });

export default function LeaderOverviewPage() {
  const list = usePaged<CaseView>(loadInbox);
  // Overdue steps escalated to me, and violations (filings, referrals, appeals) that wait on me.
  const escalated = list.items.filter((c) => c.escalation >= 2 || c.kind === 'violation');
  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">报给我的事项</View>
        <View className="qw-header__sub">群管理员超期未处理、已上报给你的申请，以及待你决定处分或裁决的违规申诉。</View>
      </View>
      <PagedList
        list={list}
        items={escalated}
        render={(c) => (
          <CaseCard key={c.id} item={c} showSubject onTap={() => void Taro.navigateTo({ url: caseRoute(c, true) })} />
        )}
        empty={<EmptyState title="没有上报给你的事项" description="管理员超期未处理的申请会自动报给你，并发送微信提醒。" />}
        onError={(f) =>
          f.code === 'FORBIDDEN' ? <EmptyState title="你不是任何群的上级领导" description="领导视图只对上级领导开放。" /> : undefined
        }
      />
    </View>
  );
}
