// The table is the behaviour: for every kind, state, command and kind of caller, decide refuses
// exactly where the kind's table says no, and lands in one of the table's targets where it says yes;
// `allowed` offers exactly the commands the table gives the caller.
import fs from 'node:fs';
import path from 'node:path';
import { CASE_KINDS } from '../../../src/contract';
import { allowed, decide, delegatesFor, SYSTEM, type CaseActor, type CommandType, type Transition } from '../../../src/core/engine';
import { KINDS } from '../../../src/core/kinds';
import type { Case } from '../../../src/core/model';
import type { TableFixture } from './fixture';

const dir = path.join(__dirname, 'fixtures');
const fixtures: TableFixture[] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => Object.values(require(path.join(dir, f)) as Record<string, TableFixture>));

/** Commands of every kind, so each state is also tried with commands it does not have. */
const ALL_COMMANDS = [...new Set(Object.values(KINDS).flatMap((k) => Object.values(k.states).flatMap((s) => Object.keys(s.on))))] as CommandType[];

/**
 * The table's own answer to "may this caller issue it", computed here from `who`, not by the engine.
 * A delegate (代理) standing in for an assignee may do what the step lets that assignee do as a person.
 */
function tableSays(f: TableFixture, c: Case, t: Transition | undefined, caller: CaseActor): boolean {
  if (!t) return false;
  if (caller.id === null) return t.who.includes('system');
  if (t.notSubject && caller.id === c.subjectId) return false;
  const delegator = caller.actingFor?.find((a) => c.assignees.includes(a) && !c.assignees.includes(caller.id!));
  return t.who.some((w) => {
    if (w === 'system') return false;
    if (w === 'subject') return caller.id === c.subjectId;
    if (w === 'assignee') return c.assignees.includes(caller.id!) || delegator !== undefined;
    if (w === 'admin' || w === 'leader') return caller.rolesInGroup.includes(w as 'admin' | 'leader');
    const role = f.spec.roles?.[w];
    if (!role) throw new Error(`${f.spec.kind}: role ${w} is not declared`);
    return role(c, caller) || (delegator !== undefined && role(c, { ...caller, id: delegator }));
  });
}

/** Whoever the case waits on first, with a delegate standing in for them who holds no role of their own. */
const delegateOf = (f: TableFixture, c: Case): [string, CaseActor][] => (c.assignees[0] && delegatesFor(f.spec) ? [['delegate of an assignee', { id: 'p_table_delegate', rolesInGroup: [], actingFor: [c.assignees[0]] }]] : []);

describe('every kind is a table', () => {
  it('should have a table and a fixture for every case kind', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...CASE_KINDS].sort());
    expect(fixtures.map((f) => f.spec.kind).sort()).toEqual([...CASE_KINDS].sort());
  });

  for (const f of fixtures) {
    describe(f.spec.kind, () => {
      it('should declare targets that are states of the kind, and only the system times out', () => {
        for (const [name, s] of Object.entries(f.spec.states)) {
          for (const [type, t] of Object.entries(s.on) as [CommandType, Transition][]) {
            for (const to of [t.to].flat()) expect(Object.keys(f.spec.states)).toContain(to);
            if (type === 'timeout') expect([name, type, t.who]).toEqual([name, type, ['system']]);
          }
        }
      });

      const callers: [string, CaseActor][] = [...Object.entries(f.callers), ['system', SYSTEM]];
      for (const state of Object.keys(f.spec.states)) {
        for (const type of ALL_COMMANDS) {
          it(`should follow the table for ${type} in ${state}`, () => {
            const rows: string[] = [];
            for (const [name, caller] of [...callers, ...delegateOf(f, f.inState(state, type))]) {
              const c = f.inState(state, type);
              const t = f.spec.states[state].on[type];
              const yes = tableSays(f, c, t, caller);
              const d = decide(f.spec, c, f.command(type, c), caller, f.ctx);
              const landed = d.ok ? d.case.state : `refused ${d.code}`;
              const targets = t ? [t.to].flat() : [];
              // A delegate's step names both: the history records whom they stood in for.
              const named = !d.ok || d.case === c || caller.id !== 'p_table_delegate' || d.case.history.at(-1)!.onBehalfOf === caller.actingFor![0];
              const okay = (yes ? d.ok && targets.includes(d.case.state) : !d.ok) && named;
              const offered = caller.id !== null && allowed(f.spec, c, caller, f.ctx.now).includes(type as never);
              const offerOkay = caller.id === null || type === 'timeout' || offered === yes;
              if (!okay || !offerOkay) rows.push(`${name}: table ${yes ? `allows → ${targets.join('|')}` : 'refuses'}, decide ${landed}, allowed ${offered}`);
            }
            expect(rows).toEqual([]);
          });
        }
      }
    });
  }
});
