// Notices (§3.2, §4): published once to one or more groups, acknowledged by each member who owed
// it at publish time. Not cases: one document per notice, one per acknowledgement.
import type { PersonRef } from './model';

export const NOTICE_KINDS = ['important', 'crossDept', 'general'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  important: '重要通知',
  crossDept: '跨部门工作安排',
  general: '一般工作信息',
};

export const NOTICE_TITLE_MAX = 30;
export const NOTICE_ATTACHMENTS_MAX = 5;
export const ATTACHMENT_NAME_MAX = 40;
export const ATTACHMENT_DESCRIPTION_MAX = 60;
export const KEY_FACT_CHOICE_MAX = 30;
/** The hard limit of the input; settings may set a lower one (notices.bodyMax). */
export const NOTICE_BODY_MAX_INPUT = 2000;

export type NoticeStatus = 'active' | 'withdrawn' | 'corrected';
export const NOTICE_STATUS_LABELS: Record<NoticeStatus, string> = { active: '有效', withdrawn: '已撤回', corrected: '已更正' };

export interface NoticeAttachmentView {
  fileId: string;
  name: string;
  description: string;
  sha256: string;
  size: number;
  /** An expiring download link, in the notice's own view only. */
  url?: string;
  /** An image still under WeChat's content check: linked for the publisher and the groups' admins only. */
  pending?: true;
}

/**
 * How a notice stands, for the publisher and the groups' admins: counted over those who owed it at
 * publish and are still in a group they owed it in (people who left are not counted).
 */
export interface NoticeStats {
  owed: number;
  acked: number;
  /** Acknowledged after the deadline (included in `acked`). */
  late: number;
  /** Not acknowledged although the deadline has passed (0 before it). */
  overdue: number;
}

export interface NoticeView {
  id: string;
  kind: NoticeKind;
  kindLabel: string;
  title: string;
  body: string;
  /** Set by the product, shown at the top (§4.4). */
  dept: { id: string; name: string };
  publisher: PersonRef;
  publishedAt: number;
  groups: { id: string; name: string }[];
  attachments: NoticeAttachmentView[];
  /** Attached images that failed WeChat's content check: left out of `attachments` for everyone. */
  hiddenAttachments?: number;
  ackDueAt: number;
  status: NoticeStatus;
  statusLabel: string;
  withdrawReason?: string;
  /** The notice this one corrects, and the one that corrected this one. */
  corrects?: string;
  correctedBy?: string;
  /** An important notice may ask the member to pick its key fact before the acknowledgement counts. */
  keyFact?: { question: string; choices: string[] };
  /** The caller's own part: whether they owe an acknowledgement, and when they gave it. */
  mine: { owed: boolean; ackedAt: number | null; late: boolean };
  /** The publisher (and an admin of every one of its groups): counts over all the groups. */
  stats?: NoticeStats;
  /** May see receipts; may withdraw or correct. */
  canReceipts: boolean;
  canManage: boolean;
  /** What onShareAppMessage shares into the WeChat group. */
  share: { title: string; path: string };
}

export interface NoticeForm {
  /** For each kind, the groups the caller may publish it to (empty: not allowed). */
  kinds: { kind: NoticeKind; label: string; rule: string; groups: { id: string; name: string }[] }[];
  dept: { id: string; name: string };
  bodyMax: number;
  ackDays: number;
}

export interface NoticeDuplicateRef {
  noticeId: string;
  title: string;
  publishedAt: number;
  groupNames: string[];
}

export interface NoticePreview {
  /** Refused at publish (§4.1): the same text, or an attachment with the same SHA-256. */
  duplicate: (NoticeDuplicateRef & { why: 'text' | 'attachment' }) | null;
  /** Near duplicates: publishing needs a confirmation with a reason. */
  near: (NoticeDuplicateRef & { similarity: number })[];
  /** Attachment names the body does not mention, and the line the form offers to add for each. */
  unmentioned: { name: string; line: string }[];
  /** How many people will owe an acknowledgement. */
  owed: number;
  ackDueAt: number;
}

export interface NoticeReceiptRow {
  person: PersonRef;
  /** The canonical group nickname (§2.2), as the @-line uses it. */
  nickname: string;
  groups: string[];
  ackedAt: number | null;
  late: boolean;
}

export interface NoticeReceipts {
  notice: { id: string; title: string; ackDueAt: number; status: NoticeStatus };
  groups: { id: string; name: string; owed: number; acked: number }[];
  total: NoticeStats;
  items: NoticeReceiptRow[];
  offset: number;
  limit: number;
  /** Rows matching the filter. */
  matching: number;
  /** "@张伟-市场部 @黄磊-市场部 请查看并确认《标题》" for those who have not acknowledged (in the group asked for). */
  unreadLine: string;
}
