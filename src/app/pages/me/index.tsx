// 我的: profile, roles, subscription grants (R11), and the ways into the leader and owner views.
import { Text, View } from '@tarojs/components';
import { Btn } from '../../components/Btn';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Role, TemplatePurpose, WhoAmI } from '../../../contract';
import { andThen, call, isH5, requestSubscribe, takeScreenLoad } from '../../api';
import { RemoteView } from '../../components/RemoteView';
import { useRemote } from '../../hooks/useRemote';
import { roleLabels, TEMPLATE_LABELS } from '../../lib/labels';
import { routes } from '../../lib/routes';
import { rememberWhoAmI } from '../../lib/session';

/** One call (me.load): who I am, kept for the pages opened from here, and my unread messages. */
function loadMe() {
  return andThen(takeScreenLoad('me.load') ?? call('me.load', {}), (r) => {
    if (r.ok) rememberWhoAmI(r.data.me);
    return r;
  });
}

/** Which reminders matter to whom, most useful first: all of them in one popup (WeChat takes 5). */
export function templatesFor(roles: Role[], templates: WhoAmI['templates']): string[] {
  const purposes: TemplatePurpose[] = [];
  const decides = roles.some((r) => r === 'admin' || r === 'deptHead' || r === 'owner');
  if (decides) purposes.push('newTask', 'reminder');
  if (roles.includes('leader')) purposes.push('escalation');
  purposes.push('caseDecided');
  return purposes.map((p) => templates[p]).filter((t): t is string => Boolean(t));
}

export default function MePage() {
  const remote = useRemote(loadMe, { refreshOnShow: true });
  return (
    <View className="qw-page">
      <RemoteView remote={remote} what="我的信息">{({ me, unread }) => <Profile me={me} unread={unread} />}</RemoteView>
    </View>
  );
}

function Profile({ me, unread }: { me: WhoAmI; unread: number }) {
  const [grants, setGrants] = useState(me.grants);
  const { person, roles, templates } = me;

  async function askMore() {
    const next = await requestSubscribe(templatesFor(roles, templates));
    if (next) {
      setGrants((g) => ({ ...g, ...next }));
      void Taro.showToast({ title: '已更新提醒次数', icon: 'none' });
    }
  }

  return (
    <>
      <View className="qw-header">
        <View className="qw-header__title">{person.name}</View>
        <View className="qw-header__sub">
          {person.department} · 工号 {person.employeeNo}
          {person.external ? ' · 外部成员' : ''}
        </View>
      </View>

      <View className="qw-card">
        <View className="qw-section-title">我的角色</View>
        <Text>{roleLabels(roles) || '群成员'}</Text>
      </View>

      <View className="qw-card">
        <View className="qw-section-title">微信提醒</View>
        <Text className="qw-hint">
          每次点“允许”，群务可以给你发一条对应的微信提醒。次数用完后，提醒只留在站内消息里，不会丢失。
        </Text>
        {(Object.keys(TEMPLATE_LABELS) as TemplatePurpose[])
          .filter((p) => templates[p])
          .map((p) => (
            <View className="qw-list-item" key={p}>
              <Text>{TEMPLATE_LABELS[p]}</Text>
              <Text className={grants[templates[p]] ? '' : 'qw-muted'}>{`剩余 ${grants[templates[p]] ?? 0} 次`}</Text>
            </View>
          ))}
        <Btn kind="ghost" block onClick={() => void askMore()}>
          接收更多提醒
        </Btn>
      </View>

      <View className="qw-card">
        <Link text={unread > 0 ? `站内消息（${unread} 条未读）` : '站内消息'} onTap={() => void Taro.navigateTo({ url: routes.notifications })} />
        <Link text="发布通知" onTap={() => void Taro.navigateTo({ url: routes.noticePublish() })} />
        <Link text="我发布的通知" onTap={() => void Taro.navigateTo({ url: routes.publishedNotices })} />
        {roles.includes('leader') ? (
          <Link text="领导视图" onTap={() => void Taro.navigateTo({ url: routes.leaderOverview })} />
        ) : null}
        {roles.some((r) => r === 'admin' || r === 'leader' || r === 'deptHead' || r === 'owner') ? <Link text="全部事项" onTap={() => void Taro.navigateTo({ url: routes.searchCases })} /> : null}
        {roles.some((r) => r !== 'member') ? <Link text="报表" onTap={() => void Taro.navigateTo({ url: routes.reports })} /> : null}
        {roles.includes('owner') || roles.includes('deptHead') ? (
          <Link text="组织管理（部门、人员、群）" onTap={() => void Taro.navigateTo({ url: routes.org })} />
        ) : null}
        {roles.includes('admin') || roles.includes('leader') ? (
          <Link text="聊天记录备份" onTap={() => void Taro.navigateTo({ url: routes.backups() })} />
        ) : null}
        {roles.includes('admin') || roles.includes('leader') ? (
          <Link text="设置代理（出差、休假）" onTap={() => void Taro.navigateTo({ url: routes.delegation })} />
        ) : null}
        {roles.includes('owner') ? <Link text="系统设置" onTap={() => void Taro.navigateTo({ url: routes.settings })} /> : null}
        {isH5() ? <Link text="切换身份（本地演示）" onTap={() => window.location.assign('/dev/signout')} /> : null}
      </View>
    </>
  );
}

function Link({ text, onTap }: { text: string; onTap: () => void }) {
  return (
    <View className="qw-list-item" onClick={onTap}>
      <Text>{text}</Text>
      <Text className="qw-muted">›</Text>
    </View>
  );
}
