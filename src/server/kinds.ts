// Each case kind's pure rules, looked up by `kind`.
import type { CaseCommand, CaseKind, SettingsValues } from '../contract';
import type { CaseActor, Decision } from '../core/case';
import type { Case } from '../core/model';
import { decideRename, renameAllowed, type RenameCase } from '../core/rename';
import { appealClosedReason, decideViolation, violationAllowed, violationTitle, type ViolationCase } from '../core/violation';

export interface KindContext {
  now: number;
  settings: SettingsValues;
  admins: string[];
  leaders: string[];
}

export interface KindRules {
  allowed(c: Case, actor: CaseActor, now: number): CaseCommand[];
  timeout(c: Case, ctx: KindContext): Decision<Case>;
  title(c: Case): string;
  /** Stored file ids by field, shown to those who may see the case as expiring links. */
  files?(c: Case): Record<string, string[]>;
  /** Facts computed for the reader at `now` (e.g. why an appeal is closed), merged into the view's data. */
  viewData?(c: Case, now: number): Record<string, unknown>;
  /** Data fields never shown to the client. */
  hidden?: string[];
}

const SYSTEM: CaseActor = { id: null, rolesInGroup: [] };

export const kinds: Record<CaseKind, KindRules> = {
  rename: {
    allowed: (c, actor) => renameAllowed(c as RenameCase, actor),
    timeout: (c, ctx) => decideRename(c as RenameCase, { type: 'timeout' }, SYSTEM, ctx) as Decision<Case>,
    title: (c) => `改名为“${(c as RenameCase).data.nickname}”`,
  },
  violation: {
    allowed: (c, actor, now) => violationAllowed(c as ViolationCase, actor, now),
    timeout: (c, ctx) => decideViolation(c as ViolationCase, { type: 'timeout' }, SYSTEM, ctx) as Decision<Case>,
    title: (c) => violationTitle(c as ViolationCase),
    files: (c) => {
      const d = (c as ViolationCase).data;
      return { evidence: d.evidence, appealEvidence: d.appeal?.evidence ?? [] };
    },
    viewData: (c, now) => ({ appealClosedReason: appealClosedReason(c as ViolationCase, now) }),
    hidden: ['evidence'],
  },
};
