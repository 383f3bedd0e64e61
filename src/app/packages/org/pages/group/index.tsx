// One group (R1, R2, R3): its WeChat binding, the roster with naming compliance, admin appointment,
// change and election, external guests, and the group's history.
import { Input, Text, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RosterMember, RosterView } from '../../../../../contract';
import { call, isH5 } from '../../../../api';
import { CaseCard } from '../../../../components/CaseCard';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { Tag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { useShare } from '../../../../hooks/useShare';
import { groupEnterCloudID } from '../../../../lib/group-entry';
import { newRequestId } from '../../../../lib/ids';
import { groupRoleLabels } from '../../../../lib/labels';
import { routes } from '../../../../lib/routes';
import { groupShareCard } from '../../../../lib/share';
import { Chooser } from '../../components/Chooser';
import { useAction } from '../../../../hooks/useAction';

export default function GroupPage() {
  const { params } = useRouter();
  const groupId = params.id ?? '';
  const remote = useRemote(() => call('groups.roster', { groupId }), { refreshOnShow: true });
  useShare(remote.data ? groupShareCard(remote.data.group) : null);
  return (
    <View className="qw-page">
      <RemoteView remote={remote} what="群名册" noAccess="群名册只对本群成员、管理员、领导和所在部门负责人可见。">{(r) => <Group view={r} reload={remote.reload} />}</RemoteView>
    </View>
  );
}

function Group({ view, reload }: { view: RosterView; reload: () => void }) {
  const { group, members, history, can } = view;
  const action = useAction();
  const [appointing, setAppointing] = useState(false);
  const nonCompliant = members.filter((m) => !m.compliant && !m.left);

  async function appoint(personId: string) {
    const r = await action.run(() => call('admins.appoint', { groupId: group.id, personId }));
    if (r) {
      setAppointing(false);
      void Taro.showToast({ title: '已指定，已报上级领导备案', icon: 'none' });
      reload();
    }
  }
  async function openElection() {
    const ok = await Taro.showModal({ title: '发起管理员选举', content: '先由群成员提名（可自荐），提名截止后投票，每人一票。平票时由上级领导在票数最高的候选人中决定。', confirmText: '发起' });
    if (!ok.confirm) return;
    const r = await action.run(() => call('elections.open', { groupId: group.id, requestId: newRequestId() }));
    if (r) void Taro.navigateTo({ url: routes.act(r.id) });
  }

  return (
    <>
      <View className="qw-header">
        <View className="qw-header__title">{group.name}</View>
        <View className="qw-header__sub">
          {group.typeLabel} · {group.department.name} · 创建者 {group.creator.name}
        </View>
      </View>
      <View className="qw-card">
        <View className="qw-kv">
          <Text className="qw-kv__k">管理员</Text>
          <Text className="qw-kv__v">{group.admins.map((a) => a.name).join('、') || '无（请尽快指定）'}</Text>
        </View>
        <View className="qw-kv">
          <Text className="qw-kv__k">上级领导</Text>
          <Text className="qw-kv__v">{group.leaders.map((a) => a.name).join('、') || '无'}</Text>
        </View>
        <View className="qw-kv">
          <Text className="qw-kv__k">微信群</Text>
          <Text className="qw-kv__v">{group.boundToWechat ? '已绑定' : '未绑定'}</Text>
        </View>
        {can.bind ? <BindWechat groupId={group.id} bound={group.boundToWechat} onBound={reload} /> : null}
      </View>

      {action.failure ? <ErrorBanner failure={action.failure} /> : null}
      <View className="qw-row qw-row--actions qw-row--wrap">
        <Btn kind="ghost" small onClick={() => void Taro.navigateTo({ url: routes.groupNotices(group.id) })}>
          群通知
        </Btn>
        {can.appoint ? (
          <Btn kind="ghost" small onClick={() => setAppointing(!appointing)}>
            指定管理员
          </Btn>
        ) : null}
        {can.applyChange ? (
          <Btn kind="ghost" small onClick={() => void Taro.navigateTo({ url: routes.adminChange(group.id) })}>
            申请变更管理员
          </Btn>
        ) : null}
        {can.elect ? (
          <Btn kind="ghost" small disabled={action.busy} onClick={() => void openElection()}>
            发起选举
          </Btn>
        ) : null}
        {can.guest ? (
          <Btn kind="ghost" small onClick={() => void Taro.navigateTo({ url: routes.guestNew(group.id) })}>
            申请外部人员入群
          </Btn>
        ) : null}
        {can.emergency ? (
          <Btn kind="danger" small onClick={() => void Taro.navigateTo({ url: routes.emergencyNew(group.id) })}>
            发起紧急事件
          </Btn>
        ) : null}
      </View>
      {appointing ? (
        <View className="qw-card">
          <View className="qw-hint">选择一位群成员担任管理员；结果会报上级领导备案。</View>
          <Chooser
            name="appoint"
            choices={members.filter((m) => !m.roles.includes('admin') && !m.external && !m.left).map((m) => ({ id: m.person.id, label: m.person.name }))}
            selected={[]}
            onChange={(ids) => ids[0] && void appoint(ids[0])}
          />
        </View>
      ) : null}

      <View className="qw-section">
        <View className="qw-section__head">
          <Text>{`成员 ${members.length} 人`}</Text>
          {nonCompliant.length ? <Tag tone="warning">{`${nonCompliant.length} 人昵称不合规`}</Tag> : <Tag tone="success">昵称全部合规</Tag>}
        </View>
        {members.map((m) => (
          <MemberRow key={m.person.id} groupId={group.id} member={m} canManage={can.manage} onChange={reload} />
        ))}
      </View>

      <View className="qw-section">
        <View className="qw-section__head">群的记录</View>
        {history.length ? (
          history.map((c) => <CaseCard key={c.id} item={c} showSubject onTap={() => void Taro.navigateTo({ url: routes.act(c.id) })} />)
        ) : (
          <EmptyState title="暂无记录" description="入群、移出、外部人员、管理员任命与变更都会记在这里。" />
        )}
      </View>
    </>
  );
}

function MemberRow({ groupId, member: m, canManage, onChange }: { groupId: string; member: RosterMember; canManage: boolean; onChange: () => void }) {
  const action = useAction();
  async function askFix() {
    const r = await action.run(() => call('roster.askFix', { groupId, personId: m.person.id }));
    if (r) {
      void Taro.showToast({ title: `已通知 ${m.person.name} 改正`, icon: 'none' });
      onChange();
    }
  }
  return (
    <View className="qw-card" data-member={m.person.name}>
      <View className="qw-row qw-row--between">
        <Text className="qw-group__name">{m.person.name}</Text>
        <View className="qw-row">
          {m.external ? <Tag tone="info">外部</Tag> : null}
          {m.left ? <Tag tone="danger">已离职，待移出</Tag> : null}
          {m.compliant ? <Tag tone="success">合规</Tag> : <Tag tone="warning">昵称不合规</Tag>}
        </View>
      </View>
      <View className="qw-group__meta">
        {[m.department, m.employeeNo && `工号 ${m.employeeNo}`, groupRoleLabels(m.roles)].filter(Boolean).join(' · ')}
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">已登记昵称</Text>
        <Text className="qw-kv__v">{m.nickname ?? '（未登记）'}</Text>
      </View>
      {m.compliant ? null : (
        <View className="qw-kv">
          <Text className="qw-kv__k">规范昵称</Text>
          <Text className="qw-kv__v">{m.canonical}</Text>
        </View>
      )}
      {action.failure ? <ErrorBanner failure={action.failure} /> : null}
      {canManage && !m.compliant && !m.left && !m.external ? (
        <View className="qw-row qw-row--actions">
          {m.fixCaseId ? (
            <Text className="qw-muted">已要求改正，等待处理</Text>
          ) : (
            <Btn kind="ghost" small disabled={action.busy} onClick={() => void askFix()}>
              要求改正
            </Btn>
          )}
        </View>
      ) : null}
    </View>
  );
}

/** Binding needs the chat itself: on WeChat, getGroupEnterInfo's cloudID; locally a field stands in. */
function BindWechat({ groupId, bound, onBound }: { groupId: string; bound: boolean; onBound: () => void }) {
  const action = useAction();
  const [localChat, setLocalChat] = useState('');
  async function bind(cloudID: string) {
    const r = await action.run(() => call('groups.bindWechat', { groupId, cloudID }));
    if (r) {
      void Taro.showToast({ title: '已绑定微信群', icon: 'success' });
      onBound();
    }
  }
  async function bindFromChat() {
    const cloudID = await groupEnterCloudID();
    if (cloudID) return bind(cloudID);
    action.setFailure({ ok: false, code: 'NO_GROUP_CONTEXT', message: '请在要绑定的微信群里打开小程序（例如点群里的群务卡片），再进行绑定' });
  }
  return (
    <View>
      {action.failure ? <ErrorBanner failure={action.failure} /> : null}
      {isH5() ? (
        <View className="qw-field">
          <View className="qw-hint">本地演示：填写一个微信群标识，代替“从微信群里打开”。</View>
          <Input className="qw-input" name="localChat" value={localChat} placeholder="如 market-chat" onInput={(e) => setLocalChat(e.detail.value)} />
          <Btn kind="ghost" small disabled={action.busy || !localChat.trim()} onClick={() => void bind(`local:${localChat.trim()}`)}>
            {bound ? '重新绑定' : '绑定到这个微信群'}
          </Btn>
        </View>
      ) : (
        <Btn kind="ghost" small disabled={action.busy} onClick={() => void bindFromChat()}>
          {bound ? '重新绑定到当前微信群' : '绑定到当前微信群'}
        </Btn>
      )}
    </View>
  );
}
