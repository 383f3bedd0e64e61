// Answers shaped like the server's, for the scenes the tests need.
import type { CaseKind, CaseView, CaseViewData, CaseViewOf, HistoryView, RenamePreview, WhoAmI } from '../../src/contract';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

export const zhangWei = { personId: 'p_zw1', name: '张伟', department: '市场部', employeeNo: '1024' };
export const otherZhangWei = { personId: 'p_zw2', name: '张伟', department: '技术部', employeeNo: '2048' };

/** 项目A群: two members named 张伟, so the employee number is a required suffix. */
export function namesakePreview(over: Partial<RenamePreview> = {}): RenamePreview {
  return {
    group: { id: 'g_proj_a', name: '项目A群' },
    canonical: '张伟-市场部-1024',
    current: '伟哥',
    compliant: false,
    requiresSuffix: true,
    reasons: [
      '群昵称统一为“真实姓名-部门名称”（制度第二条第2款）。',
      '本群另有 1 位成员也叫“张伟”，须在末尾加上工号以便区分。',
    ],
    rule: { separator: '-', maxLength: 20 },
    subject: zhangWei,
    namesakes: [otherZhangWei],
    openCaseId: null,
    ...over,
  };
}

export function whoami(over: Partial<WhoAmI> = {}): WhoAmI {
  return {
    person: { id: 'p_zw1', name: '张伟', department: '市场部', employeeNo: '1024', external: false },
    roles: ['member'],
    groups: [
      {
        id: 'g_proj_a',
        name: '项目A群',
        type: 'project',
        typeLabel: '项目群',
        roles: ['member'],
        nickname: '伟哥',
        canonical: '张伟-市场部-1024',
        compliant: false,
      },
    ],
    templates: { caseDecided: 'TPL_DECIDED', newTask: 'TPL_TASK', reminder: 'TPL_REMIND', escalation: 'TPL_ESC' },
    grants: { TPL_DECIDED: 0, TPL_TASK: 0, TPL_REMIND: 0, TPL_ESC: 0 },
    ...over,
  };
}

const submitted: HistoryView = {
  seq: 1,
  at: Date.UTC(2025, 2, 3, 2, 0),
  by: { id: 'p_zw1', name: '张伟' },
  action: 'submit',
  actionLabel: '提交申请',
  from: null,
  to: 'submitted',
  note: '入职后首次登记',
  dueAt: Date.UTC(2025, 2, 5, 15, 59),
};

/** What a test changes in a case: any field, even the kind, and only the data fields the page under test reads. */
export type CaseOverrides = Partial<Omit<CaseViewOf<CaseKind>, 'data'>> & { data?: Partial<CaseViewData> };

export function renameCase(over: CaseOverrides = {}): CaseView {
  // Stands in for the server's answer, so a test may give a partial `data`: the cast says so once.
  return {
    id: 'rn_1',
    kind: 'rename',
    kindLabel: '改名申请',
    group: { id: 'g_proj_a', name: '项目A群' },
    subject: { id: 'p_zw1', name: '张伟' },
    state: 'submitted',
    stateLabel: '待审批',
    open: true,
    waitingOn: [{ id: 'p_zj', name: '周杰' }],
    dueAt: Date.now() + 2 * DAY,
    dueAtUnconfirmed: false,
    escalation: 0,
    title: '张伟 申请改名为“张伟-市场部-1024”',
    data: { nickname: '张伟-市场部-1024', previous: '伟哥', groupName: '项目A群', subjectName: '张伟', note: '入职后首次登记' },
    allowed: [],
    createdAt: submitted.at,
    updatedAt: submitted.at,
    history: [submitted],
    ...over,
  } as CaseView;
}

export function approvedCase(): CaseView {
  return renameCase({
    state: 'approved',
    stateLabel: '已通过',
    open: false,
    waitingOn: [],
    dueAt: null,
    history: [
      submitted,
      {
        seq: 2,
        at: Date.UTC(2025, 2, 4, 1, 30),
        by: { id: 'p_zj', name: '周杰' },
        action: 'approve',
        actionLabel: '批准',
        from: 'submitted',
        to: 'approved',
        note: '符合规范',
        dueAt: null,
      },
    ],
  });
}
