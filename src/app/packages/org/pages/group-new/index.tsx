// 登记新群 (R1): name, type, department, creator, at least one admin, a leader.
import { View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { GROUP_TYPE_LABELS, GROUP_TYPES, type GroupType, type OrgView } from '../../../../../contract';
import { call } from '../../../../api';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { newRequestId } from '../../../../lib/ids';
import { routes } from '../../../../lib/routes';
import { Chooser } from '../../components/Chooser';
import { Field } from '../../components/Field';
import { useAction } from '../../../../hooks/useAction';

export default function GroupNewPage() {
  const remote = useRemote(() => call('org.overview', {}));
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(org) => <GroupForm org={org} />}</RemoteView>
    </View>
  );
}

function GroupForm({ org }: { org: OrgView }) {
  const depts = org.departments.filter((d) => org.manages.includes(d.id));
  const [name, setName] = useState('');
  const [type, setType] = useState<string[]>(['department']);
  const [deptId, setDeptId] = useState<string[]>(depts.length === 1 ? [depts[0].id] : []);
  const [creator, setCreator] = useState<string[]>([]);
  const [admins, setAdmins] = useState<string[]>([]);
  const [leader, setLeader] = useState<string[]>([]);
  const [requestId] = useState(newRequestId);
  const action = useAction();
  const people = org.people.filter((p) => p.status === 'active').map((p) => ({ id: p.id, label: `${p.name}·${p.department.name}` }));
  const ready = name.trim() && type.length && deptId.length && creator.length && admins.length && leader.length;

  async function submit() {
    const r = await action.run(() =>
      call('groups.create', { name: name.trim(), type: type[0] as GroupType, deptId: deptId[0], creatorId: creator[0], adminIds: admins, leaderId: leader[0], requestId }),
    );
    if (r) {
      void Taro.showToast({ title: '已登记', icon: 'success' });
      void Taro.redirectTo({ url: routes.group(r.id) });
    }
  }

  return (
    <>
      <View className="qw-header">
        <View className="qw-header__title">登记新群</View>
        <View className="qw-header__sub">登记后，管理员在该微信群里打开群务即可绑定。</View>
      </View>
      <View className="qw-card">
        <Field label="群名称" name="groupName" value={name} placeholder="与微信群名一致，如 财务部工作群" onInput={setName} />
        <View className="qw-label">类型</View>
        <Chooser name="group-type" choices={GROUP_TYPES.map((t) => ({ id: t, label: GROUP_TYPE_LABELS[t] }))} selected={type} onChange={setType} />
        <View className="qw-label">所属部门</View>
        <Chooser name="group-dept" choices={depts.map((d) => ({ id: d.id, label: d.name }))} selected={deptId} onChange={setDeptId} />
        <View className="qw-label">创建者</View>
        <Chooser name="group-creator" choices={people} selected={creator} onChange={setCreator} />
        <View className="qw-label">管理员（至少一名，可多选）</View>
        <Chooser name="group-admins" multiple choices={people} selected={admins} onChange={setAdmins} />
        <View className="qw-label">上级领导（接收备案、审批管理员变更）</View>
        <Chooser name="group-leader" choices={people} selected={leader} onChange={setLeader} />
        {action.failure ? <ErrorBanner failure={action.failure} /> : null}
        <Btn block disabled={action.busy || !ready} onClick={() => void submit()}>
          登记
        </Btn>
      </View>
    </>
  );
}
