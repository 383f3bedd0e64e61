// Every message the product sent me, pushed to WeChat or not (R11): opening the list reads them.
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef } from 'react';
import type { NotificationView, Page } from '../../../../../contract';
import { call } from '../../../../api';
import { EmptyState } from '../../../../components/EmptyState';
import { PagedList } from '../../../../components/PagedList';
import { usePaged } from '../../../../hooks/usePaged';
import { PUSH_LABELS } from '../../../../lib/labels';
import { absolute } from '../../../../lib/routes';
import { formatDateTime } from '../../../../lib/time';

type NotificationPage = Page<NotificationView> & { unread: number };

const loadNotifications = (offset: number, limit: number) => call('notifications.list', { offset, limit });

export default function NotificationsPage() {
  // Shown as new while this page is open, marked read on the server as soon as they are seen.
  const seenUnread = useRef(new Set<string>());
  const markRead = (page: NotificationPage) => {
    const ids = page.items.filter((n) => !n.read).map((n) => n.id);
    ids.forEach((id) => seenUnread.current.add(id));
    if (ids.length) void call('notifications.read', { ids: ids.slice(0, 50) });
  };
  const list = usePaged<NotificationView, NotificationPage>(loadNotifications, markRead);
  return (
    <View className="qw-page">
      <PagedList
        list={list}
        what="站内消息"
        render={(n) => (
          <View
            key={n.id}
            className="qw-card"
            onClick={() => (n.page ? void Taro.navigateTo({ url: absolute(n.page) }) : undefined)}
          >
            <View className="qw-row qw-row--between">
              <Text className="qw-group__name">
                {!n.read || seenUnread.current.has(n.id) ? <Text className="qw-dot" /> : null}
                {n.title}
              </Text>
              <Text className="qw-muted">{formatDateTime(n.createdAt)}</Text>
            </View>
            <View className="qw-history__note">{n.body}</View>
            {PUSH_LABELS[n.push] ? <Text className="qw-hint">{PUSH_LABELS[n.push]}</Text> : null}
          </View>
        )}
        empty={<EmptyState title="还没有消息" description="申请的处理结果、待办提醒等会显示在这里。" />}
      />
    </View>
  );
}
