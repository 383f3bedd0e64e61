// 管理员变更 (§3.1): the current admin names a successor from the members and gives a reason; the
// change takes effect only when the leader approves.
import { Textarea, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { REASON_MAX, type RosterView } from '../../../../../contract';
import { call } from '../../../../api';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { newRequestId } from '../../../../lib/ids';
import { loadWhoAmI } from '../../../../lib/session';
import { routes } from '../../../../lib/routes';
import { Chooser } from '../../components/Chooser';
import { useAction } from '../../../../hooks/useAction';

export default function AdminChangePage() {
  const { params } = useRouter();
  const groupId = params.groupId ?? '';
  const remote = useRemote(async () => {
    const [roster, me] = await Promise.all([call('groups.roster', { groupId }), loadWhoAmI()]);
    if (!roster.ok) return roster;
    return { ok: true as const, data: { roster: roster.data, me: me.ok ? me.data.person.id : '' } };
  });
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{({ roster, me }) => <Form roster={roster} me={me} />}</RemoteView>
    </View>
  );
}

function Form({ roster, me }: { roster: RosterView; me: string }) {
  const [successor, setSuccessor] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [requestId] = useState(newRequestId);
  const action = useAction();
  const candidates = roster.members.filter((m) => m.person.id !== me && !m.left && !m.external && m.roles.includes('member'));

  async function submit() {
    const r = await action.run(() => call('admins.applyChange', { groupId: roster.group.id, successorId: successor[0], reason: reason.trim(), requestId }));
    if (r) void Taro.redirectTo({ url: routes.act(r.id) });
  }
  return (
    <>
      <View className="qw-header">
        <View className="qw-header__title">申请变更管理员</View>
        <View className="qw-header__sub">{`「${roster.group.name}」· 上级领导 ${roster.group.leaders.map((l) => l.name).join('、') || '无'} 批准后生效`}</View>
      </View>
      <View className="qw-card">
        <View className="qw-label">接任人（须为本群成员）</View>
        <Chooser name="successor" choices={candidates.map((m) => ({ id: m.person.id, label: m.person.name }))} selected={successor} onChange={setSuccessor} />
        <View className="qw-label">变更理由</View>
        <Textarea className="qw-textarea" value={reason} maxlength={REASON_MAX} placeholder="如 工作调动" onInput={(e) => setReason(e.detail.value)} />
        {action.failure ? <ErrorBanner failure={action.failure} /> : null}
        <Btn block disabled={action.busy || !successor.length || !reason.trim()} onClick={() => void submit()}>
          提交申请
        </Btn>
      </View>
    </>
  );
}
