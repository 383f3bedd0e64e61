// Notices as the server answers them, for the notice pages and 首页.
import type { NoticeForm, NoticePreview, NoticeReceipts, NoticeView } from '../../src/contract';

/** 2026-12-03 10:00 and the deadline 2026-12-07 23:59 in Shanghai. */
export const PUBLISHED_AT = Date.UTC(2026, 11, 3, 2, 0);
export const ACK_DUE = Date.UTC(2026, 11, 7, 15, 59);

export const BODY = '12月10日（周四）14:00 在三楼会议室召开年终总结会，请各位准时参加。\n附件：《会议议程》（会议的时间安排与议题）';

export function notice(over: Partial<NoticeView> = {}): NoticeView {
  return {
    id: 'nt_1',
    kind: 'important',
    kindLabel: '重要通知',
    title: '关于召开年终总结会的通知',
    body: BODY,
    dept: { id: 'd_market', name: '市场部' },
    publisher: { id: 'p_wq', name: '王强' },
    publishedAt: PUBLISHED_AT,
    groups: [{ id: 'g_mkt', name: '市场部工作群' }],
    attachments: [
      { fileId: 'cloud://env/notices/agenda.pdf', name: '会议议程', description: '会议的时间安排与议题', sha256: 'ab'.repeat(32), size: 2048, url: 'https://files.example/agenda.pdf' },
    ],
    ackDueAt: ACK_DUE,
    status: 'active',
    statusLabel: '有效',
    mine: { owed: true, ackedAt: null, late: false },
    canReceipts: false,
    canManage: false,
    share: { title: '【重要通知】关于召开年终总结会的通知', path: '/packages/notices/pages/notice/index?id=nt_1' },
    ...over,
  };
}

/** 王强, head of 市场部: important notices to his department's group, general ones too; nothing cross-department. */
export function noticeForm(over: Partial<NoticeForm> = {}): NoticeForm {
  return {
    kinds: [
      { kind: 'important', label: '重要通知', rule: '重要通知由部门负责人或指定的发布人发布。', groups: [{ id: 'g_mkt', name: '市场部工作群' }, { id: 'g_proj_a', name: '项目A群' }] },
      { kind: 'crossDept', label: '跨部门工作安排', rule: '跨部门工作安排由牵头部门负责人或项目群创建者发布。', groups: [] },
      { kind: 'general', label: '一般工作信息', rule: '一般工作信息由部门成员发往本部门的群。', groups: [{ id: 'g_mkt', name: '市场部工作群' }] },
    ],
    dept: { id: 'd_market', name: '市场部' },
    bodyMax: 1000,
    ackDays: 2,
    ...over,
  };
}

export function preview(over: Partial<NoticePreview> = {}): NoticePreview {
  return { duplicate: null, near: [], unmentioned: [], owed: 5, ackDueAt: ACK_DUE, ...over };
}

export function receipts(over: Partial<NoticeReceipts> = {}): NoticeReceipts {
  return {
    notice: { id: 'nt_1', title: '关于召开年终总结会的通知', ackDueAt: ACK_DUE, status: 'active' },
    groups: [
      { id: 'g_mkt', name: '市场部工作群', owed: 4, acked: 1 },
      { id: 'g_proj_a', name: '项目A群', owed: 2, acked: 1 },
    ],
    total: { owed: 5, acked: 2, late: 1, overdue: 0 },
    items: [
      { person: { id: 'p_hl', name: '黄磊' }, nickname: '黄磊-市场部', groups: ['市场部工作群'], ackedAt: Date.UTC(2026, 11, 3, 3, 5), late: false },
      { person: { id: 'p_zw1', name: '张伟' }, nickname: '张伟-市场部', groups: ['市场部工作群', '项目A群'], ackedAt: Date.UTC(2026, 11, 8, 1, 0), late: true },
      { person: { id: 'p_ly', name: '刘洋' }, nickname: '刘洋-市场部', groups: ['市场部工作群'], ackedAt: null, late: false },
    ],
    offset: 0,
    limit: 20,
    matching: 5,
    unreadLine: '@刘洋-市场部 @周杰-技术部 @孙丽-行政部 请查看并确认《关于召开年终总结会的通知》',
    ...over,
  };
}
