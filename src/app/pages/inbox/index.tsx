// 待办: everything waiting on me, oldest deadline first (R3). Members see a friendly empty state.
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { fail, ok, type CaseView, type Page, type Result, type Role } from '../../../contract';
import { andThen, call, takeScreenLoad, type Answer } from '../../api';
import { Btn } from '../../components/Btn';
import { CaseCard } from '../../components/CaseCard';
import { EmptyState } from '../../components/EmptyState';
import { PagedList } from '../../components/PagedList';
import { usePaged } from '../../hooks/usePaged';
import { caseRoute, routes } from '../../lib/routes';

/**
 * The first page with my roles in one call (inbox.load); the next pages from inbox.list. Someone
 * nothing can wait on gets no inbox, shown as the FORBIDDEN state below.
 */
function loadInbox(offset: number, limit: number, setRoles: (r: Role[]) => void): Answer<Page<CaseView>> {
  if (offset > 0) return call('inbox.list', { offset, limit });
  return andThen(takeScreenLoad('inbox.load') ?? call('inbox.load', {}), (r): Result<Page<CaseView>> => {
    if (!r.ok) return r;
    setRoles(r.data.roles);
    return r.data.inbox ? ok(r.data.inbox) : fail('FORBIDDEN');
  });
}

export default function InboxPage() {
  const [roles, setRoles] = useState<Role[]>([]);
  const list = usePaged<CaseView>((offset, limit) => loadInbox(offset, limit, setRoles));
  const isAdmin = roles.includes('admin');
  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">待办</View>
        <View className="qw-header__sub">
          {list.status === 'ok' && list.total ? `共 ${list.total} 项等你处理，截止时间最早的在前` : '等你处理的事项'}
        </View>
      </View>
      {isAdmin ? (
        <Btn block onClick={() => void Taro.navigateTo({ url: routes.violationNew })}>
          处理群成员违规
        </Btn>
      ) : null}
      {/* Two or more cases of kinds decided in a batch: the selection mode is a subpackage page. */}
      {list.items.filter((c) => c.approval?.batch && c.allowed.includes('approve')).length > 1 ? (
        <Btn kind="ghost" block onClick={() => void Taro.navigateTo({ url: routes.batch() })}>
          批量处理
        </Btn>
      ) : null}
      <PagedList
        list={list}
        what="待办"
        render={(c) => (
          <CaseCard key={c.id} item={c} showSubject onTap={() => void Taro.navigateTo({ url: caseRoute(c, true) })} />
        )}
        empty={<EmptyState title="没有待处理的事项" description="有新的申请需要你处理时，会出现在这里并通知你。" />}
        onError={(f) =>
          f.code === 'FORBIDDEN' ? (
            <EmptyState
              title="这里是管理员的待办"
              description="群管理员、上级领导和部门负责人在这里处理申请。你目前不需要处理任何事项，你自己的申请在「首页」查看。"
              actionText="回到首页"
              onAction={() => void Taro.switchTab({ url: routes.home })}
            />
          ) : undefined
        }
      />
    </View>
  );
}
