// Every case kind's table, by kind: what the one interpreter (core/engine.ts) runs.
import type { CaseDataByKind, CaseKind } from '../../contract';
import { delegatesFor, type KindSpec } from '../engine';
import type { Case } from '../model';
import { renameKind } from './rename';
import { namingFixKind, offboardKind, onboardKind } from './task';
import { adminFilingKind } from './admin-filing';
import { adminChangeKind } from './admin-change';
import { departureKind } from './departure';
import { backupDueKind } from './backup-due';
import { guestKind } from './guest';
import { electionKind } from './election';
import { violationKind } from './violation';
import { recordAccessKind } from './record-access';
import { emergencyKind } from './emergency';
import { feedbackKind } from './feedback';

export const KINDS: { [K in CaseKind]: KindSpec<Case<CaseDataByKind[K]>> } = {
  rename: renameKind,
  onboard: onboardKind,
  offboard: offboardKind,
  naming_fix: namingFixKind,
  admin_filing: adminFilingKind,
  admin_change: adminChangeKind,
  departure: departureKind,
  backup_due: backupDueKind,
  guest: guestKind,
  election: electionKind,
  violation: violationKind,
  record_access: recordAccessKind,
  emergency: emergencyKind,
  feedback: feedbackKind,
} as never;

/** The table of a case's own kind, for code that handles cases of any kind. */
export const kindOf = (c: Case): KindSpec<Case> => KINDS[c.kind] as unknown as KindSpec<Case>;

/**
 * The kinds 代理 reaches (engine `delegatesFor`): of what waits on whom a delegate stands in for, their
 * 待办 lists and their messages carry only these. Not the kinds that derive their people themselves: an
 * emergency's tasks are given to named people (§5.3 明确分工), a violation's appeal to named reviewers.
 */
export const DELEGATED_KINDS: readonly CaseKind[] = (Object.keys(KINDS) as CaseKind[]).filter((k) => delegatesFor(KINDS[k]));
