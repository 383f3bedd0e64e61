// Notices as the caller sees them: who may see one, who may see its receipts, and the view itself.
import { NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS, type NoticeView } from '../../contract';
import type { AckDoc, NoticeDoc } from '../../core/model';
import { rolesIn, type Actor } from '../context';
import type { Files } from '../ports';
import { LINK_TTL_MS } from './views';

export const NOTICE_PAGE = 'packages/notices/pages/notice/index';

const activeIn = (actor: Actor, groupId: string) => rolesIn(actor, groupId).length > 0;
const adminOf = (actor: Actor, groupId: string) => rolesIn(actor, groupId).includes('admin');

/** The publisher, whoever owed it, anyone now in one of its groups, and the owner. */
export function canSeeNotice(actor: Actor, n: NoticeDoc): boolean {
  const me = actor.person._id;
  return actor.isOwner || n.publisherId === me || n.owed.includes(me) || n.groupIds.some((g) => activeIn(actor, g));
}

/** The groups of the notice whose receipts the caller may see: all for the publisher, their own for an admin. */
export function receiptGroups(actor: Actor, n: NoticeDoc): string[] {
  if (n.publisherId === actor.person._id) return n.groupIds;
  return n.groupIds.filter((g) => adminOf(actor, g));
}

export async function toNoticeView(actor: Actor, n: NoticeDoc, ack: AckDoc | null, opts: { files?: Files; now: number; stats?: NoticeView['stats'] }): Promise<NoticeView> {
  const me = actor.person._id;
  const expiresAt = opts.now + LINK_TTL_MS;
  // As a case's images: a risky one is left out for everyone (and counted), one still being checked
  // is linked only for the publisher and the groups' admins.
  const mayPreview = n.publisherId === me || receiptGroups(actor, n).length > 0;
  const shown = n.attachments.filter((a) => a.check?.status !== 'risky');
  const attachments = await Promise.all(
    shown.map(async ({ check, ...a }) => {
      const pending = check?.status === 'pending';
      const link = opts.files && (!pending || mayPreview) ? { url: await opts.files.link(a.fileId, expiresAt) } : {};
      return { ...a, ...link, ...(pending ? { pending: true as const } : {}) };
    }),
  );
  const hidden = n.attachments.length - shown.length;
  return {
    id: n._id,
    kind: n.kind,
    kindLabel: NOTICE_KIND_LABELS[n.kind],
    title: n.title,
    body: n.body,
    dept: { id: n.deptId, name: n.deptName },
    publisher: { id: n.publisherId, name: n.publisherName },
    publishedAt: n.publishedAt,
    groups: n.groupIds.map((id, i) => ({ id, name: n.groupNames[i] ?? '' })),
    attachments,
    ...(hidden ? { hiddenAttachments: hidden } : {}),
    ackDueAt: n.ackDueAt,
    status: n.status,
    statusLabel: NOTICE_STATUS_LABELS[n.status],
    ...(n.withdrawReason ? { withdrawReason: n.withdrawReason } : {}),
    ...(n.corrects ? { corrects: n.corrects } : {}),
    ...(n.correctedBy ? { correctedBy: n.correctedBy } : {}),
    // The answer stays on the server.
    ...(n.keyFact ? { keyFact: { question: n.keyFact.question, choices: n.keyFact.choices } } : {}),
    mine: { owed: n.owed.includes(me), ackedAt: ack?.at ?? null, late: ack?.late ?? false },
    ...(opts.stats ? { stats: opts.stats } : {}),
    canReceipts: receiptGroups(actor, n).length > 0,
    canManage: n.publisherId === me && n.status === 'active',
    share: { title: `【${NOTICE_KIND_LABELS[n.kind]}】${n.title}`, path: `/${NOTICE_PAGE}?id=${n._id}` },
  };
}
