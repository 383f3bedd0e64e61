// What the generated table test needs of each kind: a case in each state, a valid input for each
// command, and people of every kind of caller. One file per kind in ./fixtures/, found by the test.
import { DEFAULT_SETTINGS } from '../../../src/contract';
import type { CaseActor, Command, CommandType, KindContext, KindSpec } from '../../../src/core/engine';
import type { Case } from '../../../src/core/model';

export interface TableFixture<C extends Case = Case> {
  spec: KindSpec<C>;
  ctx: KindContext;
  /**
   * A case in `state`, made for trying `command`: its data is such that the command's guards and
   * checks pass for whoever the table allows (before its deadlines, with a valid input), and a timed
   * state is due (`wakeAt <= ctx.now`).
   */
  inState(state: string, command: CommandType): C;
  /** A valid input for the command on this case. */
  command(type: CommandType, c: C): Command;
  /** Every kind of caller, by a name for the test's titles (the system is added by the test). */
  callers: Record<string, CaseActor>;
}

export const t0 = Date.parse('2026-11-24T10:00:00+08:00'); // a Tuesday
export const baseCtx = (over: Partial<KindContext> = {}): KindContext => ({ now: t0, settings: DEFAULT_SETTINGS, admins: ['admin1', 'admin2'], leaders: ['boss'], ...over });

/** The callers most kinds need: the subject, an assigned admin, another admin, the leader, an outsider. */
export const commonCallers: Record<string, CaseActor> = {
  subject: { id: 'm1', rolesInGroup: ['member'] },
  admin1: { id: 'admin1', rolesInGroup: ['member', 'admin'] },
  admin2: { id: 'admin2', rolesInGroup: ['member', 'admin'] },
  leader: { id: 'boss', rolesInGroup: ['leader'] },
  member: { id: 'm2', rolesInGroup: ['member'] },
  outsider: { id: 'x', rolesInGroup: [] },
};

/** The case `c` moved to `state` for the test (the history is not what the table test is about). */
export function placed<C extends Case>(c: C, state: string, over: Partial<C> = {}): C {
  return { ...c, state, wakeAt: c.wakeAt === null ? null : Math.min(c.wakeAt, t0), ...over };
}

export const fixture = <C extends Case>(f: TableFixture<C>) => f as unknown as TableFixture;
