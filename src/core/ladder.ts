// The penalty ladder of §7.2 as one pure function over the member's earlier violations in the group.
//
//   重大损失 (major loss)                          → referral: the leader decides the measure
//   严重 (serious)                                 → removal, filed with the leader
//   轻微, and `repeatCount` violations (this one
//   included) within `windowDays` calendar days    → removal, filed with the leader
//   轻微, otherwise                                → warning
import { PENALTY_LABELS, type LadderProposal, type LadderStep, type Penalty, type SettingsValues, type Severity } from '../contract';

const DAY = 86_400_000;

/** One earlier violation case of the same member in the same group. */
export interface PriorViolation {
  caseId: string;
  openedAt: number;
  /** What the member has now: a revoked case counts for nothing. */
  penalty: Penalty | 'pending';
}

export const STEP_RANK: Record<LadderStep, number> = { warning: 1, removal: 2, referral: 3 };

export function proposePenalty(
  severity: Severity,
  prior: PriorViolation[],
  rule: Pick<SettingsValues['violation'], 'repeatCount' | 'windowDays'>,
  now: number,
): LadderProposal {
  const since = now - rule.windowDays * DAY;
  const counted = prior.filter((p) => p.penalty !== 'none' && p.openedAt >= since && p.openedAt <= now);
  const window = { count: rule.repeatCount, days: rule.windowDays };
  const base = { priorCount: counted.length, window };
  const history =
    counted.length === 0
      ? `该成员近 ${rule.windowDays} 天内在本群没有其他违规记录。`
      : `该成员近 ${rule.windowDays} 天内在本群已有 ${counted.length} 次违规记录（已撤销的不计）。`;
  if (severity === 'major') {
    return { step: 'referral', reasons: ['造成较大损失或不良影响：报上级领导，由其决定纪律处分（批评教育、罚款、降职或辞退）。', history], ...base };
  }
  if (severity === 'serious') {
    return { step: 'removal', reasons: ['情节严重：移出群聊，并报上级领导备案。', history], ...base };
  }
  if (counted.length + 1 >= rule.repeatCount) {
    return {
      step: 'removal',
      reasons: [history, `${rule.windowDays} 天内第 ${counted.length + 1} 次违规（达到 ${rule.repeatCount} 次即为多次违规）：移出群聊，并报上级领导备案。`],
      ...base,
    };
  }
  return { step: 'warning', reasons: ['初次违规且情节较轻：给予警告，提醒其遵守群规。', history], ...base };
}

/** The admin may choose the proposed step or a lighter one; a lighter one needs a written reason. */
export function checkChosenStep(proposed: LadderStep, chosen: LadderStep): 'same' | 'lighter' | 'heavier' {
  const d = STEP_RANK[chosen] - STEP_RANK[proposed];
  return d === 0 ? 'same' : d < 0 ? 'lighter' : 'heavier';
}

export function stepLabel(step: LadderStep): string {
  return PENALTY_LABELS[step];
}
