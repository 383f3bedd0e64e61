import { ok, type ActionInput, type ActionResult, type NotificationView, type Result } from '../../contract';
import type { NotificationDoc } from '../../core/model';
import type { HandlerCtx } from '../context';

function toView(n: NotificationDoc): NotificationView {
  return { id: n._id, caseId: n.caseId, title: n.title, body: n.body, page: n.page, createdAt: n.createdAt, read: n.read, push: n.push };
}

export async function notificationsList(
  ctx: HandlerCtx,
  input: ActionInput<'notifications.list'>,
): Promise<Result<ActionResult<'notifications.list'>>> {
  const page = { offset: input.offset ?? 0, limit: input.limit ?? 20 };
  const res = await ctx.deps.store.listNotifications(ctx.actor.person._id, page, input.unreadOnly ?? false);
  return ok({ items: res.items.map(toView), total: res.total, unread: res.unread, ...page });
}

export async function notificationsRead(ctx: HandlerCtx, input: ActionInput<'notifications.read'>): Promise<Result<{ updated: number }>> {
  return ok({ updated: await ctx.deps.store.markNotificationsRead(ctx.actor.person._id, input.ids) });
}
