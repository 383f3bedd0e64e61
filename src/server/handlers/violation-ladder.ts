// The ladder's input, read from the store: this member's earlier violations in this group.
import type { LadderProposal, SettingsValues, Severity } from '../../contract';
import { proposePenalty, type PriorViolation } from '../../core/ladder';
import type { ViolationCase } from '../../core/kinds/violation';
import type { Store } from '../ports';

const DAY = 86_400_000;

export async function proposalFor(
  store: Store,
  groupId: string,
  subjectId: string,
  severity: Severity,
  settings: SettingsValues,
  now: number,
  /** Read already by the caller (priorViolations). */
  known?: ViolationCase[],
): Promise<LadderProposal> {
  const rule = settings.violation;
  const cases = known ?? (await priorViolations(store, groupId, subjectId, settings, now));
  const prior: PriorViolation[] = cases.map((c) => ({ caseId: c._id, openedAt: c.createdAt, penalty: c.data.penalty }));
  return proposePenalty(severity, prior, rule, now);
}

/** The member's violations in this group within the ladder's window, oldest first. */
export async function priorViolations(store: Store, groupId: string, subjectId: string, settings: SettingsValues, now: number): Promise<ViolationCase[]> {
  return (await store.listCasesAbout('violation', groupId, subjectId, now - settings.violation.windowDays * DAY)) as ViolationCase[];
}
