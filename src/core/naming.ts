// §2.2: real name + department; where two members of a group share a name, the employee
// number becomes a required suffix. Pure: the client shows the same rule the functions enforce.
import type { SettingsValues } from '../contract';

export interface NamingSubject {
  personId: string;
  name: string;
  department: string;
  employeeNo: string;
}

export interface CanonicalName {
  canonical: string;
  requiresSuffix: boolean;
  reasons: string[];
}

export type NamingRule = SettingsValues['naming'];

// CJK, Latin letters, digits and the middle dot of minority names (e.g. 阿依古丽·买买提).
const ALLOWED = /^[\u4e00-\u9fa5\u3400-\u4dbfA-Za-z0-9·]+$/;

/** Members of the group (active ones) other than the subject who carry the same name. */
export function namesakes(subject: NamingSubject, groupMembers: NamingSubject[]): NamingSubject[] {
  return groupMembers.filter((m) => m.personId !== subject.personId && m.name === subject.name);
}

export function canonicalNickname(
  subject: NamingSubject,
  groupMembers: NamingSubject[],
  rule: NamingRule,
): CanonicalName {
  const same = namesakes(subject, groupMembers);
  const base = `${subject.name}${rule.separator}${subject.department}`;
  const reasons = [`群昵称统一为“真实姓名${rule.separator}部门名称”（制度第二条第2款）。`];
  if (same.length === 0) return { canonical: base, requiresSuffix: false, reasons };
  reasons.push(`本群另有 ${same.length} 位成员也叫“${subject.name}”，须在末尾加上工号以便区分。`);
  return { canonical: `${base}${rule.separator}${subject.employeeNo}`, requiresSuffix: true, reasons };
}

export interface NamingIssue {
  rule: 'empty' | 'length' | 'characters' | 'name' | 'separator' | 'department' | 'suffix_required' | 'suffix_mismatch' | 'suffix_not_allowed';
  message: string;
}

/** Every rule the requested nickname breaks, each as one sentence; empty when it complies. */
export function checkNickname(
  requested: string,
  subject: NamingSubject,
  groupMembers: NamingSubject[],
  rule: NamingRule,
): NamingIssue[] {
  const nick = requested.trim();
  const { canonical, requiresSuffix } = canonicalNickname(subject, groupMembers, rule);
  if (!nick) return [{ rule: 'empty', message: '请填写群昵称' }];
  const issues: NamingIssue[] = [];
  if ([...nick].length > rule.maxLength) {
    issues.push({ rule: 'length', message: `群昵称最多 ${rule.maxLength} 个字，当前 ${[...nick].length} 个` });
  }
  const parts = nick.split(rule.separator);
  if (parts.some((p) => !ALLOWED.test(p))) {
    issues.push({
      rule: 'characters',
      message: `只能使用汉字、字母、数字和“·”，各部分之间用“${rule.separator}”连接，不要加空格或表情`,
    });
  }
  const [name, department, suffix, ...rest] = parts;
  if (name !== subject.name) {
    issues.push({ rule: 'name', message: `应以你的真实姓名“${subject.name}”开头` });
  }
  if (parts.length < 2) {
    issues.push({ rule: 'separator', message: `姓名和部门之间要用“${rule.separator}”隔开` });
  } else if (department !== subject.department) {
    issues.push({ rule: 'department', message: `部门应为“${subject.department}”` });
  }
  if (requiresSuffix) {
    if (suffix === undefined) {
      issues.push({ rule: 'suffix_required', message: `本群有同名成员，须在末尾加上“${rule.separator}${subject.employeeNo}”（工号）` });
    } else if (suffix !== subject.employeeNo || rest.length) {
      issues.push({ rule: 'suffix_mismatch', message: `末尾的区分信息应为你的工号“${subject.employeeNo}”` });
    }
  } else if (suffix !== undefined) {
    issues.push({ rule: 'suffix_not_allowed', message: '本群没有同名成员，不需要加工号等后缀' });
  }
  // Every rule above is implied by equality with the canonical form; keep a final guard.
  if (!issues.length && nick !== canonical) {
    issues.push({ rule: 'name', message: `规范群昵称应为“${canonical}”` });
  }
  return issues;
}
