// The closed set of error codes: stable for programs, one Chinese sentence each for people.
export const ERROR_MESSAGES = {
  BAD_INPUT: '提交的内容格式不正确，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作',
  UNAUTHENTICATED: '请先登录后再操作',
  NOT_BOUND: '你还没有绑定身份，请向所在部门负责人索取邀请卡片',
  OFFBOARDED: '你的账号已停用，如有疑问请联系部门负责人',
  FORBIDDEN: '你没有权限进行此操作',
  NOT_FOUND: '找不到该记录，可能已被删除或你无权查看',
  NOT_MEMBER: '你不是该群的成员',
  CASE_ALREADY_DECIDED: '该申请已被其他人处理，请刷新查看最新结果',
  CASE_NOT_OPEN: '该事项已结束，不能再操作',
  DUPLICATE_OPEN_REQUEST: '你在该群已有一个待审批的改名申请，请等待处理或先撤回',
  NAME_INVALID: '群昵称不符合命名规范',
  REASON_REQUIRED: '请填写理由',
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再提交',
  PERIOD_INVALID: '备份周期不正确：开始日期不能晚于结束日期，且不能晚于今天',
  FILE_INVALID: '找不到上传的文件，请重新上传后再登记',
  STORAGE_REQUIRED: '请上传备份文件，或填写本地存储位置',
  PLEDGE_REQUIRED: '请先阅读并勾选保密承诺',
  EXPIRY_INVALID: '有效期不正确，请在允许的天数内选择',
  ACCESS_NOT_ACTIVE: '查阅授权已过期或已撤销，不能再获取下载链接',
  NOT_GRANTED: '该备份不在你的查阅授权范围内',
  APPEAL_CLOSED: '申诉期限已过，处理决定已生效',
  APPEAL_ALREADY_OPEN: '该处理决定已有一个申诉正在处理，请等待答复',
  PENALTY_NOT_ALLOWED: '所选处理不符合处罚规则',
  TASK_NOT_PENDING: '没有待确认的群内操作，可能已被其他管理员确认',
  EVIDENCE_INVALID: '证据图片无效或已丢失，请重新上传',
  BACKUP_NOT_IN_GROUP: '所选的聊天记录备份不存在或不属于本群，不能作为证据引用',
  CATEGORY_UNKNOWN: '违规类别不在系统设置的类别中',
  SETTINGS_INVALID: '设置内容不合理，请检查后重试',
  INVITATION_INVALID: '邀请无效，请向部门负责人索取新的邀请卡片',
  INVITATION_USED: '该邀请已被使用过，每张邀请卡片只能使用一次；如需重新绑定请联系部门负责人',
  INVITATION_EXPIRED: '该邀请已过期，请向部门负责人索取新的邀请卡片',
  ALREADY_BOUND: '你的微信已绑定本单位的一位人员，一个微信只能绑定一人',
  PERSON_ALREADY_BOUND: '此人已绑定微信，无需再邀请',
  PERSON_LEFT: '此人已离职或已移出，不能再操作',
  EMPLOYEE_NO_TAKEN: '该工号已被登记，请检查后重试',
  NAME_TAKEN: '名称已被使用，请换一个名称',
  NO_GROUP_CONTEXT: '请在要绑定的微信群里打开小程序，再进行绑定',
  GROUP_ALREADY_BOUND: '这个微信群已绑定到另一个已登记的群',
  DUPLICATE_OPEN_CASE: '已有一个同类事项正在办理中，请等待处理',
  LAST_ADMIN: '每个群至少要有一名管理员，不能移除最后一名管理员',
  NOT_ELIGIBLE: '此人不是该群的在册成员，不能担任或被选为管理员',
  ELECTION_CLOSED: '不在提名或投票时间内，操作未被接受',
  ALREADY_VOTED: '你已经投过票了，每人只能投一票',
  NOT_CANDIDATE: '只能投给已提名的候选人',
  DATE_INVALID: '日期不合理，请检查后重试',
  FILE_NOT_OWNED: '只能使用你本人上传的文件，请重新上传后再提交',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  NOT_PUBLISHER: '你无权向所选的群发布这一类信息',
  NOTICE_FORMAT: '通知格式不符合要求，请按提示修改',
  NOTICE_DUPLICATE: '所选的群近期已发布过相同的通知，请勿重复发布',
  NEAR_DUPLICATE: '与近期的通知内容相近，请确认不是重复发布并写明理由',
  NOTICE_WITHDRAWN: '该通知已撤回或已被更正，无需再确认',
  NOTICE_NOT_OWED: '你不在该通知的确认名单中，无需确认',
  KEY_FACT_WRONG: '所选的要点与通知不符，请再仔细阅读通知后重新选择',
  ALREADY_ACKNOWLEDGED: '你已接收这项任务，请在处理后报告进展',
  NOT_ASSIGNED: '该成员在这起紧急事件中没有进行中的任务',
  ALREADY_ASSIGNED: '该成员已有进行中的任务，可直接转派或调整',
  FORWARD_TARGET_INVALID: '只能转交给部门负责人或本群的上级领导',
  ALREADY_SECONDED: '你已附议过这条反馈',
  FOLLOWUP_USED: '每条反馈只能追问一次',
  GROUP_NOT_IN_SCOPE: '所选的群不在你可查看的范围内（管理员：所管理的群；上级领导：所领导的群；部门负责人：本部门的群）',
  REPORT_PERIOD_INVALID: '统计时间段不正确：开始日期不能晚于结束日期，按周最多 53 周，按月最多 12 个月',
  NO_REPORT_SCOPE: '你没有可查看报表的群：管理员、上级领导和部门负责人可查看各自负责的群',
  EXPORT_TOO_LARGE: '导出的处理记录超过 100,000 条，请缩短时间段，或减少群和事项种类后分次导出',
  NOT_ASSIGNEE: '该事项当前不在等你处理，不能转交',
  HANDOVER_NOT_ALLOWED: '这类事项不能转交，请按事项页的操作办理',
  HANDOVER_TARGET_INVALID: '只能转交给本群其他管理员，或可处理该事项的上级领导',
  HANDOVER_SAME_PERSON: '不能转交给自己，或已在处理该事项的人',
  DELEGATE_INVALID: '代理人须是与你同群的管理员（上级领导须由同群的上级领导代理），且不能是你自己',
  DELEGATION_PERIOD_INVALID: '代理期限不正确：结束时间须晚于开始时间和现在，且最长 90 天',
  DELEGATION_CHAIN: '不能转委托：此人正在代理他人，或已把自己的事项委托给他人',
  NUDGE_TOO_SOON: '刚刚催办过，请稍后再催',
  BATCH_NOT_ALLOWED: '这类事项不能批量处理，请逐项处理',
  CONFLICT: '系统繁忙，请稍后重试',
  INTERNAL: '服务暂时不可用，请稍后重试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;
export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** Field-level problems, e.g. which naming rule failed; each with its own Chinese sentence. */
  issues?: { path: string; message: string }[];
}
export interface Success<T> {
  ok: true;
  data: T;
}
export type Result<T> = Success<T> | Failure;

export function fail(code: ErrorCode, message?: string, issues?: Failure['issues']): Failure {
  const f: Failure = { ok: false, code, message: message ?? ERROR_MESSAGES[code] };
  if (issues && issues.length) f.issues = issues;
  return f;
}

export function ok<T>(data: T): Success<T> {
  return { ok: true, data };
}
