// Every case kind's table, by kind: what the one interpreter (core/engine.ts) runs.
import type { CaseDataByKind, CaseKind } from '../../contract';
import type { KindSpec } from '../engine';
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
