// One case, its whole history (R15), and the commands the caller may issue now.
import { Text, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { CaseView, Failure } from '../../../../../contract';
import { call, takeScreenLoad } from '../../../../api';
import { CaseSummary } from '../../../../components/CaseSummary';
import { DecisionPanel } from '../../../../components/DecisionPanel';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { HistoryList } from '../../../../components/HistoryList';
import { RemoteView } from '../../../../components/RemoteView';
import { SetInWechat } from '../../../../components/SetInWechat';
import { StepActions } from '../../../../components/StepActions';
import { useRemote } from '../../../../hooks/useRemote';
import { useShare } from '../../../../hooks/useShare';
import { caseRoute, routes } from '../../../../lib/routes';
import { caseShareCard } from '../../../../lib/share';

/** A shared card opened by someone outside the case. */
export const NO_ACCESS = '这个事项只对相关的人、群管理员和领导可见，也可能已不存在。';

export default function CasePage() {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  const remote = useRemote(() => takeScreenLoad('cases.get', { caseId }) ?? call('cases.get', { caseId }), { refreshOnShow: true });
  useShare(remote.data ? caseShareCard(remote.data) : null);
  return (
    <View className="qw-page">
      <RemoteView remote={remote} what="事项" noAccess={NO_ACCESS}>{(c) => <CaseDetail item={c} onChange={remote.replace} />}</RemoteView>
    </View>
  );
}

export function CaseDetail({ item, onChange }: { item: CaseView; onChange: (c: CaseView) => void }) {
  // A violation, an emergency and feedback have their own pages (subpackages): a notification lands here and moves on.
  const elsewhere = item.kind === 'violation' || item.kind === 'emergency' || item.kind === 'feedback' ? caseRoute(item) : null;
  useEffect(() => {
    if (elsewhere) void Taro.redirectTo({ url: elsewhere });
  }, [elsewhere]);
  if (elsewhere) return <View className="qw-load-more" onClick={() => void Taro.redirectTo({ url: elsewhere })}>查看{item.kindLabel}详情</View>;
  const nickname = item.kind === 'rename' ? item.data.nickname : '';
  return (
    <>
      {item.state === 'approved' && nickname ? <SetInWechat groupName={item.group.name} nickname={nickname} /> : null}
      <CaseSummary item={item} />
      {item.kind === 'record_access' && item.state !== 'submitted' ? (
        <View className="qw-card qw-list-item" onClick={() => void Taro.navigateTo({ url: routes.recordGrant(item.id) })}>
          <Text>{item.state === 'approved' ? '查看授权的备份并下载' : '查看授权的备份'}</Text>
          <Text className="qw-muted">›</Text>
        </View>
      ) : null}
      {item.allowed.includes('withdraw') ? <WithdrawButton item={item} onChange={onChange} /> : null}
      {item.kind === 'rename' ? (
        <DecisionPanel item={item} onDecided={onChange} />
      ) : item.kind === 'departure' ? (
        // A record, nothing to do on it: each group's removal is a task of its own.
        <View className="qw-card qw-muted">各群的移出任务已交给群管理员办理，完成后此人从群名册中移除。</View>
      ) : (
        <View className="qw-load-more" onClick={() => void Taro.redirectTo({ url: routes.act(item.id) })}>
          {item.allowed.length ? '去办理此事项 ›' : '查看办理详情 ›'}
        </View>
      )}
      <StepActions item={item} />
      <View className="qw-card">
        <View className="qw-section-title">处理记录</View>
        <HistoryList items={item.history ?? []} />
      </View>
    </>
  );
}

function WithdrawButton({ item, onChange }: { item: CaseView; onChange: (c: CaseView) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function withdraw() {
    const confirm = await Taro.showModal({
      title: '撤回申请',
      content: '撤回后该申请将结束，如有需要请重新提交。确定撤回吗？',
      confirmText: '撤回',
      confirmColor: '#d83931',
    });
    if (!confirm.confirm) return;
    setBusy(true);
    const r = await call(item.kind === 'record_access' ? 'records.withdraw' : 'rename.withdraw', { caseId: item.id });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setFailure(null);
    void Taro.showToast({ title: '已撤回', icon: 'success' });
    onChange(r.data);
  }

  return (
    <View className="qw-card">
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Text className="qw-hint">审批前你可以撤回这个申请。</Text>
      <Btn kind="danger" block disabled={busy} onClick={() => void withdraw()}>
        撤回申请
      </Btn>
    </View>
  );
}
