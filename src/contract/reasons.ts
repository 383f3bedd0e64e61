// The one place a required reason is worded. The reason schema in actions.ts refuses a blank one with
// REASON_REQUIRED and the prompt of its command, and core refuses it the same way, so every reject,
// answer and ruling says the same sentence whichever door it came in by.
import type { CaseCommand } from './model';

export const REASON_PROMPTS: Partial<Record<CaseCommand, string>> = {
  reject: '驳回时请填写理由',
  decideMeasure: '决定纪律处分时请写明理由',
  appeal: '申诉时请写明理由',
  answer: '答复申诉时请写明调查核实的结论',
  escalate: '向上级领导申诉时请写明理由',
  rule: '最终裁决时请写明理由',
};
