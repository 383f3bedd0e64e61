// 组织管理: the owner sets up departments and their heads; a department head registers people,
// sends invitations, and marks new hires and leavers (R14, §2.1).
import { Text, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { OrgView, PersonView } from '../../../../../contract';
import { call } from '../../../../api';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { Tag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { newRequestId } from '../../../../lib/ids';
import { routes } from '../../../../lib/routes';
import { Chooser } from '../../components/Chooser';
import { Field } from '../../components/Field';
import { useAction } from '../../../../hooks/useAction';

export default function SetupPage() {
  const remote = useRemote(() => call('org.overview', {}), { refreshOnShow: true });
  return (
    <View className="qw-page">
      <RemoteView
        remote={remote}
        onError={(f) => (f.code === 'FORBIDDEN' ? <EmptyState title="只有系统管理员和部门负责人可以管理组织" /> : undefined)}
      >
        {(org) => <Org org={org} onChange={remote.replace} reload={remote.reload} />}
      </RemoteView>
    </View>
  );
}

function Org({ org, onChange, reload }: { org: OrgView; onChange: (o: OrgView) => void; reload: () => void }) {
  const action = useAction();
  const [deptName, setDeptName] = useState('');
  const [headFor, setHeadFor] = useState<string | null>(null);
  const depts = org.departments.filter((d) => org.manages.includes(d.id));

  async function createDept() {
    const r = await action.run(() => call('departments.create', { name: deptName.trim() }));
    if (r) {
      setDeptName('');
      // The answer is the new department alone; the owner manages every department.
      onChange({ ...org, departments: [...org.departments, r], manages: org.isOwner ? [...org.manages, r.id] : org.manages });
    }
  }
  async function setHead(deptId: string, personId: string) {
    const r = await action.run(() => call('departments.setHead', { deptId, personId }));
    if (r) {
      setHeadFor(null);
      onChange({ ...org, departments: org.departments.map((d) => (d.id === r.id ? r : d)) });
    }
  }

  return (
    <>
      <View className="qw-header">
        <View className="qw-header__title">组织管理</View>
        <View className="qw-header__sub">{org.isOwner ? '系统管理员：部门、负责人、人员和群' : '部门负责人：本部门的人员和群'}</View>
      </View>
      {action.failure ? <ErrorBanner failure={action.failure} /> : null}

      <View className="qw-section">
        <View className="qw-section__head">部门</View>
        {org.departments.map((d) => (
          <View className="qw-card" key={d.id} data-dept={d.name}>
            <View className="qw-row qw-row--between">
              <Text className="qw-group__name">{d.name}</Text>
              <Text className={d.head ? '' : 'qw-muted'}>{d.head ? `负责人：${d.head.name}` : '未指定负责人'}</Text>
            </View>
            {org.isOwner ? (
              headFor === d.id ? (
                <>
                  <View className="qw-hint">选择一位人员担任负责人（本部门的人员在前）：</View>
                  <Chooser
                    name={`head-${d.name}`}
                    choices={[...org.people.filter((p) => p.department.id === d.id), ...org.people.filter((p) => p.department.id !== d.id)]
                      .filter((p) => p.status === 'active')
                      .map((p) => ({ id: p.id, label: `${p.name}·${p.department.name}` }))}
                    selected={d.head ? [d.head.id] : []}
                    onChange={(ids) => ids[0] && void setHead(d.id, ids[0])}
                  />
                </>
              ) : (
                <View className="qw-row qw-row--actions">
                  <Btn kind="ghost" small onClick={() => setHeadFor(d.id)}>
                    指定负责人
                  </Btn>
                </View>
              )
            ) : null}
          </View>
        ))}
        {org.isOwner ? (
          <View className="qw-card">
             <Field label="部门名称" name="deptName" value={deptName} placeholder="部门名称，如 财务部" onInput={setDeptName} maxlength={20} />
            <Btn block disabled={action.busy || !deptName.trim()} onClick={() => void createDept()}>
              新建部门
            </Btn>
          </View>
        ) : null}
      </View>

      {depts.length ? <AddPerson org={org} onAdded={reload} /> : null}

      <View className="qw-section">
        <View className="qw-section__head">人员</View>
        {org.people.length ? (
          org.people.map((p) => <PersonRow key={p.id} person={p} isOwner={org.isOwner} onChange={reload} />)
        ) : (
          <EmptyState title="还没有登记人员" description="在上方填写姓名、工号和部门后点「登记」，再给他发邀请卡片。" />
        )}
      </View>

      <View className="qw-section">
        <View className="qw-section__head">
          <Text>群</Text>
          {depts.length ? (
            <Btn small onClick={() => void Taro.navigateTo({ url: routes.groupNew })}>
              登记新群
            </Btn>
          ) : null}
        </View>
        {org.groups.length ? (
          org.groups.map((g) => (
            <View className="qw-card" key={g.id} data-group={g.id} onClick={() => void Taro.navigateTo({ url: routes.group(g.id) })}>
              <View className="qw-row qw-row--between">
                <Text className="qw-group__name">{g.name}</Text>
                {g.boundToWechat ? <Tag tone="success">已绑定微信群</Tag> : <Tag tone="muted">未绑定微信群</Tag>}
              </View>
              <View className="qw-group__meta">
                {g.typeLabel} · {g.department.name} · 管理员 {g.admins.map((a) => a.name).join('、') || '无'} · {g.memberCount} 人
              </View>
            </View>
          ))
        ) : (
          <EmptyState title="还没有登记的群" description="点「登记新群」填写群的类型、部门、管理员和领导。" />
        )}
      </View>
    </>
  );
}

function AddPerson({ org, onAdded }: { org: OrgView; onAdded: () => void }) {
  const action = useAction();
  const depts = org.departments.filter((d) => org.manages.includes(d.id));
  const [name, setName] = useState('');
  const [employeeNo, setEmployeeNo] = useState('');
  const [deptId, setDeptId] = useState<string[]>(depts.length === 1 ? [depts[0].id] : []);
  const [requestId, setRequestId] = useState(newRequestId);

  async function add() {
    const r = await action.run(() => call('people.add', { name: name.trim(), employeeNo: employeeNo.trim(), deptId: deptId[0], requestId }));
    if (r) {
      setName('');
      setEmployeeNo('');
      setRequestId(newRequestId());
      void Taro.showToast({ title: `已登记 ${r.name}`, icon: 'none' });
      onAdded();
    }
  }

  return (
    <View className="qw-section">
      <View className="qw-section__head">登记人员</View>
      <View className="qw-card">
        <Field label="姓名" name="personName" value={name} placeholder="真实姓名" onInput={setName} maxlength={20} />
        <Field label="工号" name="employeeNo" value={employeeNo} placeholder="如 M100" onInput={setEmployeeNo} maxlength={16} />
        <View className="qw-label">部门</View>
        <Chooser name="person-dept" choices={depts.map((d) => ({ id: d.id, label: d.name }))} selected={deptId} onChange={setDeptId} />
        {action.failure ? <ErrorBanner failure={action.failure} /> : null}
        <Btn block disabled={action.busy || !name.trim() || !employeeNo.trim() || !deptId.length} onClick={() => void add()}>
          登记
        </Btn>
      </View>
    </View>
  );
}

function PersonRow({ person, isOwner, onChange }: { person: PersonView; isOwner: boolean; onChange: () => void }) {
  const action = useAction();
  async function togglePublisher() {
    const r = await action.run(() => call('people.setPublisher', { personId: person.id, publisher: !person.publisher }));
    if (r) onChange();
  }
  async function onboard() {
    const r = await action.run(() => call('people.onboard', { personId: person.id }));
    if (r) void Taro.showToast({ title: r.length ? `已为 ${r.length} 个群开出入群任务` : '本部门的群都已在册，无需入群任务', icon: 'none' });
  }
  async function offboard() {
    const ok = await Taro.showModal({
      title: `${person.name} 离职`,
      content: '确认后此人立即不能再使用群务，并为其所在的每个群开出“移出”任务。',
      confirmText: '确认离职',
      confirmColor: '#d83931',
    });
    if (!ok.confirm) return;
    const r = await action.run(() => call('people.offboard', { personId: person.id }));
    if (r) {
      const groups = r.kind === 'departure' ? r.data.groups.length : 0;
      void Taro.showToast({ title: groups ? `已登记离职，已请 ${groups} 个群的管理员移出` : '已登记离职（此人不在任何群中）', icon: 'none' });
      onChange();
    }
  }
  const left = person.status === 'left';
  return (
    <View className="qw-card" data-person={person.name}>
      <View className="qw-row qw-row--between">
        <Text className="qw-group__name">{person.name}</Text>
        {left ? <Tag tone="muted">已离职</Tag> : person.bound ? <Tag tone="success">已绑定微信</Tag> : <Tag tone="warning">未绑定</Tag>}
      </View>
      <View className="qw-group__meta">
        {person.department.name} · 工号 {person.employeeNo}
        {person.publisher ? ' · 指定发布人' : ''}
      </View>
      {action.failure ? <ErrorBanner failure={action.failure} /> : null}
      {left ? null : (
        <View className="qw-row qw-row--actions qw-row--wrap">
          {person.bound ? null : (
            <Btn kind="ghost" small onClick={() => void Taro.navigateTo({ url: routes.invite(person.id) })}>
              邀请卡片
            </Btn>
          )}
          <Btn kind="ghost" small disabled={action.busy} onClick={() => void onboard()}>
            入职入群
          </Btn>
          {isOwner ? (
            <Btn kind="ghost" small disabled={action.busy} onClick={() => void togglePublisher()}>
              {person.publisher ? '取消指定发布人' : '设为指定发布人'}
            </Btn>
          ) : null}
          <Btn kind="danger" small disabled={action.busy} onClick={() => void offboard()}>
            离职
          </Btn>
        </View>
      )}
    </View>
  );
}
