// The one place a required reason is worded. The reason schema in actions.ts refuses a blank one with
// REASON_REQUIRED and the prompt of its command, and core refuses it the same way, so every reject,
// answer and ruling says the same sentence whichever door it came in by.
import * as z from 'zod/mini';
import type { CaseCommand } from './model';

const PROMPTS = {
  reject: '驳回时请填写理由',
  decideMeasure: '决定纪律处分时请写明理由',
  appeal: '申诉时请写明理由',
  answer: '答复申诉时请写明调查核实的结论',
  escalate: '向上级领导申诉时请写明理由',
  rule: '最终裁决时请写明理由',
  withdraw: '撤回时请写明理由',
  progress: '报告进展时请写明进展情况',
  close: '结束紧急事件时请填写处置总结',
  followUp: '追问时请写明还想了解什么',
} as const satisfies Partial<Record<CaseCommand, string>>;

/** A command whose text is required: a rejection, a measure, an appeal, an answer, a ruling. */
export type ReasonCommand = keyof typeof PROMPTS;
export const REASON_PROMPTS: Partial<Record<CaseCommand, string>> & Record<ReasonCommand, string> = PROMPTS;

/** Free text a person writes may hold no control characters (tab and line breaks are fine). */
export const NO_CONTROL_CHARS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

// Zod reports a failed refine as a 'custom' issue; this tag in its params tells it from a malformed
// request, so the caller gets REASON_REQUIRED with the prompt rather than BAD_INPUT.
const TAG = { code: 'REASON_REQUIRED' } as const;

/** A required reason: at most `max` characters, no control characters, not blank once trimmed. */
export function requiredReason(command: ReasonCommand, max: number) {
  return z.string().check(
    z.maxLength(max),
    z.regex(NO_CONTROL_CHARS),
    z.refine((s: string) => s.trim().length > 0, { error: REASON_PROMPTS[command], params: TAG }),
  );
}

/** For an `{ approve, reason? }` input: a rejection needs a non-blank reason, an approval none. */
export function reasonUnlessApproved() {
  return z.refine<{ approve: boolean; reason?: string }>((v) => v.approve || !!v.reason?.trim(), {
    error: REASON_PROMPTS.reject,
    path: ['reason'],
    params: TAG,
  });
}

/** For a batch `{ decision, reason? }` input: rejecting needs one non-blank reason for all, approving none. */
export function reasonUnlessApproving() {
  return z.refine<{ decision: 'approve' | 'reject'; reason?: string }>((v) => v.decision === 'approve' || !!v.reason?.trim(), {
    error: REASON_PROMPTS.reject,
    path: ['reason'],
    params: TAG,
  });
}

interface IssueLike {
  code: string;
  message?: string;
  params?: unknown;
}

/** A blank required reason, as opposed to a malformed request. */
export function isReasonRequiredIssue(issue: IssueLike): boolean {
  return issue.code === 'custom' && (issue.params as { code?: unknown } | undefined)?.code === TAG.code;
}

/**
 * The prompt to answer REASON_REQUIRED with when a blank reason is all that is wrong; null when
 * anything else is wrong too (that is BAD_INPUT, as before).
 */
export function reasonRequiredPrompt(issues: readonly IssueLike[]): string | null {
  if (!issues.length || !issues.every(isReasonRequiredIssue)) return null;
  return issues[0].message ?? REASON_PROMPTS.reject;
}
