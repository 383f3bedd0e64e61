// 首页: who I am, my groups with their naming status, my cases, unread messages (R15).
import { Text, View } from '@tarojs/components';
import { Btn } from '../../components/Btn';
import Taro, { useDidShow } from '@tarojs/taro';
import type { HomeScreen, MyGroup } from '../../../contract';
import { andThen, call, takeScreenLoad, type Answer } from '../../api';
import { CaseCard } from '../../components/CaseCard';
import { Deadline } from '../../components/Deadline';
import { EmptyState } from '../../components/EmptyState';
import { RemoteView } from '../../components/RemoteView';
import { Tag } from '../../components/StateTag';
import { useRemote } from '../../hooks/useRemote';
import { groupRoleLabels } from '../../lib/labels';
import { caseRoute, routes } from '../../lib/routes';
import { takeGroupEntry } from '../../lib/group-entry';
import { rememberWhoAmI } from '../../lib/session';

/** One call (home.load): the whole screen; who I am is kept for the pages opened from here. */
function loadHome(): Answer<HomeScreen> {
  return andThen(takeScreenLoad('home.load') ?? call('home.load', {}), (r) => {
    if (r.ok) rememberWhoAmI(r.data.me);
    return r;
  });
}

/**
 * Opened from a WeChat group chat: land on the registered group it is bound to (weapp only). On
 * every show, so a return of the running app from a chat lands there too; once per show of the app.
 */
function useGroupEntry() {
  useDidShow(() => {
    void takeGroupEntry().then((cloudID) =>
      cloudID
        ? call('groups.enter', { cloudID }).then((r) => {
            if (r.ok && r.data.group) void Taro.navigateTo({ url: routes.group(r.data.group.id) });
          })
        : undefined,
    );
  });
}

export default function HomePage() {
  useGroupEntry();
  const remote = useRemote(loadHome, { refreshOnShow: true });
  return (
    <View className="qw-page">
      <RemoteView remote={remote} what="首页">
        {({ me, cases, notices, unread, emergencies }) => (
          <>
            {/* Above everything (§5.3): emergencies in progress in my groups, mine to act on first. */}
            {emergencies.length ? (
              <View className="qw-section" data-testid="active-emergencies">
                <View className="qw-notice qw-notice--strong">紧急事件处置中，请保持手机畅通</View>
                {emergencies.map((e) => (
                  <CaseCard key={e.id} item={e} onTap={() => void Taro.navigateTo({ url: caseRoute(e) })} />
                ))}
              </View>
            ) : null}
            <View className="qw-header">
              <View className="qw-header__title">你好，{me.person.name}</View>
              <View className="qw-header__sub">
                {me.person.department}
                {me.person.external ? ' · 外部成员' : ''}
              </View>
            </View>

            {/* First on the page (§3.2): notices I still owe an acknowledgement, as the server orders them. */}
            {notices.pending ? (
              <View className="qw-section" data-testid="pending-notices">
                <View className="qw-section__head">
                  <Text>待确认的通知</Text>
                  <Text className="qw-badge">{notices.pending}</Text>
                </View>
                {notices.items.map((n) => (
                  <View key={n.id} className="qw-card" data-notice={n.id} onClick={() => void Taro.navigateTo({ url: routes.notice(n.id) })}>
                    <View className="qw-case-card__title">{n.title}</View>
                    <View className="qw-kv">
                      <Text className="qw-kv__k">{n.kindLabel}</Text>
                      <Deadline dueAt={n.ackDueAt} />
                    </View>
                  </View>
                ))}
              </View>
            ) : null}

            <View className="qw-card" onClick={() => void Taro.navigateTo({ url: routes.notifications })}>
              <View className="qw-row qw-row--between">
                <Text>站内消息</Text>
                {unread > 0 ? <Text className="qw-badge">{`${unread} 条未读`}</Text> : <Text className="qw-muted">没有未读消息</Text>}
              </View>
            </View>

            <View className="qw-section">
              <View className="qw-section__head">我的群</View>
              {me.groups.length ? (
                me.groups.map((g) => <GroupCard key={g.id} group={g} />)
              ) : (
                <EmptyState title="你还不在任何已登记的群里" description="入群后，群的命名规范和你的申请会显示在这里。" />
              )}
            </View>

            <View className="qw-section">
              <View className="qw-section__head">我的事项</View>
              {cases.items.length ? (
                cases.items.map((c) => (
                  <CaseCard key={c.id} item={c} onTap={() => void Taro.navigateTo({ url: caseRoute(c) })} />
                ))
              ) : (
                <EmptyState title="暂无事项" description="你提交的申请和与你有关的事项会显示在这里。" />
              )}
            </View>
          </>
        )}
      </RemoteView>
    </View>
  );
}

function GroupCard({ group }: { group: MyGroup }) {
  const isMember = group.roles.includes('member');
  return (
    <View className="qw-card" data-group={group.id}>
      <View className="qw-row qw-row--between">
        <Text className="qw-group__name">{group.name}</Text>
        {isMember ? group.compliant ? <Tag tone="success">合规</Tag> : <Tag tone="warning">需改名</Tag> : null}
      </View>
      <View className="qw-group__meta">
        {group.typeLabel} · 我的角色：{groupRoleLabels(group.roles)}
      </View>
      <View className="qw-row qw-row--actions">
        <Btn kind="ghost" small onClick={() => void Taro.navigateTo({ url: routes.group(group.id) })}>
          群名册
        </Btn>
        {isMember ? (
          <Btn kind="ghost" small onClick={() => void Taro.navigateTo({ url: routes.feedbackNew(group.id) })}>
            意见反馈
          </Btn>
        ) : null}
        {group.roles.includes('admin') || group.roles.includes('leader') ? (
          <Btn kind="danger" small onClick={() => void Taro.navigateTo({ url: routes.emergencyNew(group.id) })}>
            发起紧急事件
          </Btn>
        ) : null}
      </View>
      {isMember ? (
        <>
          <View className="qw-kv">
            <Text className="qw-kv__k">已登记昵称</Text>
            <Text className="qw-kv__v">{group.nickname ?? '（未登记）'}</Text>
          </View>
          <View className="qw-kv">
            <Text className="qw-kv__k">规范昵称</Text>
            <Text className="qw-kv__v">{group.canonical}</Text>
          </View>
          <View className="qw-row qw-row--actions">
            <Btn kind={group.compliant ? 'ghost' : 'primary'} small onClick={() => void Taro.navigateTo({ url: routes.rename(group.id) })}>
              申请改名
            </Btn>
            <Btn kind="ghost" small onClick={() => void Taro.navigateTo({ url: routes.recordRequest(group.id) })}>
              查阅聊天记录
            </Btn>
          </View>
        </>
      ) : null}
    </View>
  );
}
