// zod/mini speaks English and generically: say each problem in one Chinese sentence.
import { fail, isReasonRequiredIssue, reasonRequiredPrompt, type Failure } from '../contract';

interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  maximum?: number | bigint;
  minimum?: number | bigint;
  keys?: string[];
  expected?: string;
  origin?: string;
  message?: string;
  params?: unknown;
}

/** A request the contract refused: REASON_REQUIRED with its prompt when a blank required reason is all that is wrong, else BAD_INPUT. */
export function inputFailure(issues: ZodIssueLike[]): Failure {
  const prompt = reasonRequiredPrompt(issues);
  if (prompt !== null) return fail('REASON_REQUIRED', prompt);
  const described = describeIssues(issues);
  return fail('BAD_INPUT', described[0]?.message ?? undefined, described);
}

const FIELD_LABELS: Record<string, string> = {
  groupId: '群',
  caseId: '事项',
  nickname: '群昵称',
  note: '备注',
  reason: '理由',
  requestId: '请求编号',
  ids: '消息',
  results: '订阅结果',
  offset: '分页位置',
  limit: '每页数量',
  values: '设置',
  expectedVersion: '设置版本',
  from: '开始日期',
  to: '结束日期',
  purpose: '查阅目的',
  pledge: '保密承诺',
  days: '有效期天数',
  backupId: '备份',
  fileId: '文件',
  fileName: '文件名',
  location: '存储位置',
  storage: '存储方式',
  madeBy: '备份人',
  subjectId: '成员',
  category: '违规类别',
  description: '违规情况',
  evidence: '证据图片',
  severity: '情节',
  step: '处理',
  lighterReason: '从轻理由',
  measure: '纪律处分',
  reasons: '申诉理由',
  outcome: '答复结果',
  finding: '调查结论',
  reducedTo: '减轻后的处理',
  groupIds: '群',
  kinds: '事项种类',
  sha256: '校验值',
  caseIds: '一次批量处理的事项',
  decision: '处理决定',
  toPersonId: '转交对象',
  delegateId: '代理人',
};

export function describeIssues(issues: ZodIssueLike[]): NonNullable<Failure['issues']> {
  return issues.slice(0, 10).map((i) => {
    const path = i.path.map(String).join('.');
    const field = FIELD_LABELS[String(i.path[0] ?? '')] ?? (path || '请求');
    return { path, message: sentence(i, field) };
  });
}

function sentence(i: ZodIssueLike, field: string): string {
  // A blank reason next to other problems: its own prompt says it best.
  if (isReasonRequiredIssue(i) && i.message) return i.message;
  switch (i.code) {
    case 'invalid_type':
      return i.expected === 'object' && !i.path.length ? '请求内容必须是一个对象' : `${field}缺失或类型不正确`;
    case 'too_big':
      return i.origin === 'string' ? `${field}过长（最多 ${String(i.maximum)} 个字符）` : `${field}超出允许范围（最多 ${String(i.maximum)}）`;
    case 'too_small':
      return i.origin === 'string' ? `${field}不能为空或过短` : `${field}低于允许范围（至少 ${String(i.minimum)}）`;
    case 'unrecognized_keys':
      return `请求包含不允许的字段：${(i.keys ?? []).join('、')}`;
    case 'invalid_format':
      return `${field}格式不正确（不能包含控制字符或特殊符号）`;
    case 'invalid_value':
      return `${field}的取值不在允许范围内`;
    case 'invalid_key':
      return `${field}包含格式不正确的键`;
    case 'custom':
      // A rule of the contract's own that says itself in Chinese (e.g. "one of two fields").
      return i.message && /[\u4e00-\u9fff]/.test(i.message) ? i.message : `${field}不符合要求`;
    default:
      return `${field}不符合要求`;
  }
}
