// The admin's decision page: what was asked, whether it follows the naming rule, approve or reject.
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CaseView } from '../../../../../contract';
import { call } from '../../../../api';
import { CaseSummary } from '../../../../components/CaseSummary';
import { DecisionPanel } from '../../../../components/DecisionPanel';
import { HistoryList } from '../../../../components/HistoryList';
import { RemoteView } from '../../../../components/RemoteView';
import { SetInWechat } from '../../../../components/SetInWechat';
import { StepActions } from '../../../../components/StepActions';
import { Tag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { routes } from '../../../../lib/routes';
import { AccessReview } from '../../components/AccessReview';

export default function ReviewPage() {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  const remote = useRemote(() => call('cases.get', { caseId }), { refreshOnShow: true });
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(c) => <Review item={c} onChange={remote.replace} />}</RemoteView>
    </View>
  );
}

function Review({ item, onChange }: { item: CaseView; onChange: (c: CaseView) => void }) {
  if (item.kind === 'record_access' || item.kind === 'backup_due') {
    return (
      <>
        <CaseSummary item={item} />
        {item.kind === 'record_access' ? (
          <>
            <AccessReview item={item} onChange={onChange} />
            <StepActions item={item} />
          </>
        ) : (
          <View className="qw-card">
            <Text className="qw-hint">{`上次备份截至 ${item.data.lastCovered ?? '（无）'}，应于 ${item.data.nextDue} 起备份。登记一份新的备份后，这个待办会自动完成。`}</Text>
            <View className="qw-load-more" onClick={() => void Taro.navigateTo({ url: routes.backups(item.group.id) })}>
              去登记备份
            </View>
          </View>
        )}
        <View className="qw-card">
          <View className="qw-section-title">处理记录</View>
          <HistoryList items={item.history ?? []} />
        </View>
      </>
    );
  }
  const nickname = item.kind === 'rename' ? item.data.nickname : '';
  return (
    <>
      <CaseSummary item={item} />
      {/* A rename carries no canonical form of its own: the server checked the nickname at submit. */}
      {item.kind === 'rename' ? <NamingCheck nickname={nickname} canonical={null} /> : null}
      {item.state === 'approved' && nickname ? <SetInWechat groupName={item.group.name} nickname={nickname} /> : null}
      <DecisionPanel item={item} onDecided={onChange} />
      <StepActions item={item} />
      {!item.open ? (
        <View className="qw-notice">该申请已{item.stateLabel.replace(/^已/, '')}，无需再处理。</View>
      ) : item.allowed.length === 0 ? (
        <View className="qw-notice">这个申请不需要你审批（例如申请人是你自己，或已交由其他管理员处理）。</View>
      ) : null}
      <View className="qw-card">
        <View className="qw-section-title">处理记录</View>
        <HistoryList items={item.history ?? []} />
      </View>
      <View className="qw-load-more" onClick={() => void Taro.navigateTo({ url: routes.case(item.id) })}>
        以申请人视角查看
      </View>
    </>
  );
}

/** The server refuses a non-compliant nickname at submit; a canonical form sent with the case is compared here. */
function NamingCheck({ nickname, canonical }: { nickname: string; canonical: string | null }) {
  const matches = canonical === null || canonical === nickname;
  return (
    <View className="qw-card">
      <View className="qw-section-title">命名规范检查</View>
      <View className="qw-row">
        <Text className="qw-canonical">{nickname}</Text>
        {matches ? <Tag tone="success">符合规范</Tag> : <Tag tone="warning">与规范不一致</Tag>}
      </View>
      {canonical === null ? (
        <Text className="qw-hint">提交时已按“真实姓名-部门（同名加工号）”的规则校验通过。</Text>
      ) : matches ? null : (
        <Text className="qw-hint">{`按当前群成员计算，规范群昵称应为“${canonical}”（可能有同名成员新入群）。`}</Text>
      )}
    </View>
  );
}
