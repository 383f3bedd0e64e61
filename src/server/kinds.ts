// Each case kind's pure rules, looked up by `kind`.
import type { CaseCommand, CaseKind, SettingsValues } from '../contract';
import type { CaseActor, Decision } from '../core/case';
import type { Case } from '../core/model';
import { decideRename, renameAllowed, type RenameCase } from '../core/rename';

export interface KindContext {
  now: number;
  settings: SettingsValues;
  admins: string[];
  leaders: string[];
}

export interface KindRules {
  allowed(c: Case, actor: CaseActor): CaseCommand[];
  timeout(c: Case, ctx: KindContext): Decision<Case>;
  title(c: Case): string;
}

export const kinds: Record<CaseKind, KindRules> = {
  rename: {
    allowed: (c, actor) => renameAllowed(c as RenameCase, actor),
    timeout: (c, ctx) => decideRename(c as RenameCase, { type: 'timeout' }, { id: null, rolesInGroup: [] }, ctx) as Decision<Case>,
    title: (c) => `改名为“${(c as RenameCase).data.nickname}”`,
  },
};
