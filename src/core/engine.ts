// The case engine: every kind is a table (core/kinds/<kind>.ts), and this one interpreter answers
// decide / allowed / timeout for all of them. The shape follows xstate's machine configs
// (states → on → { target, guard, actions }); our state lives in the database and our deadlines are
// working days, so the interpreter is ours.
//
// A command is checked in one fixed order, and the first refusal wins:
//   1. the state has no such command     → the kind's `outOfState` answer (default CASE_NOT_OPEN)
//   2. `guardFirst` guards               → their refusal (a precondition that outranks who is asking)
//   3. the caller is not in `who`        → FORBIDDEN
//   4. `guard`s                          → their refusal (also hide the command from `allowed`)
//   5. `needs` a text that is blank      → REASON_REQUIRED with the command's prompt
//   6. `check`                           → its refusal (about the command's input)
//   7. `then`                            → the step: data, notices, effects; `to`, `by`, `open`,
//                                          deadline and assignees are filled in from the table.
import { REASON_PROMPTS, type CaseCommand, type CaseKind, type ErrorCode, type GroupRole, type SettingsValues, type TemplatePurpose } from '../contract';
import { deadlineAfter, isDeadlineUnconfirmed } from './calendar';
import { formatShanghai } from './time';
import type { Effect } from './effects';
import type { Case, EffectEntry, HistoryEntry, NoticeEntry } from './model';

export interface CaseActor {
  /** null: the system (the scheduler). */
  id: string | null;
  rolesInGroup: GroupRole[];
  /**
   * 代理: the people whose active delegation names this actor. A step waiting on one of them waits on
   * the actor too (read-time: the case is not rewritten), and the history records both names.
   */
  actingFor?: readonly string[];
}

export interface Notice {
  to: string;
  purpose: TemplatePurpose;
  title: string;
  body: string;
}

export type Refusal = { ok: false; code: ErrorCode; message?: string };
export type Decision<C> = { ok: true; case: C } | Refusal;

export const refuse = (code: ErrorCode, message?: string): Refusal => (message ? { ok: false, code, message } : { ok: false, code });

/** What a kind's rules may know besides the case: the clock, the case's settings, the group's people now. */
export interface KindContext {
  now: number;
  /** The settings version the case was opened under. */
  settings: SettingsValues;
  /** Current admins and leaders of the group. */
  admins: string[];
  leaders: string[];
}

/** A command as issued: its type and its input. */
export interface Command {
  type: CaseCommand | SystemCommand;
  [field: string]: unknown;
}
/** Commands only the system issues. */
export type SystemCommand = 'timeout' | 'cancel' | 'covered' | 'mediaVerdict';
export type CommandType = Command['type'];

/** Who may issue a command: the built-in roles, or a role the kind names (e.g. `reviewer`). */
export type Who = 'subject' | 'assignee' | 'admin' | 'leader' | 'system' | (string & {});
export type RolePredicate<C extends Case> = (c: C, actor: CaseActor) => boolean;

/** A settings key holding a number of working days (or, with `minutes`, wall-clock minutes). */
export type DeadlineKey = { [G in keyof SettingsValues]: `${G & string}.${keyof SettingsValues[G] & string}` }[keyof SettingsValues];
export type Deadline = DeadlineKey | { days: DeadlineKey } | { minutes: DeadlineKey };

/** A deadline, as the case stores it. */
export interface Due {
  dueAt: number;
  dueAtUnconfirmed: boolean;
  wakeAt: number;
}

export interface StepEnv extends KindContext {
  actor: CaseActor;
  /** The deadline the transition declares, computed from `now`. */
  due?: Due;
}

/** What one step writes; `to`, `by` and `open` come from the table. */
export interface StepSpec<C extends Case = Case> {
  action: string;
  /** Required when the transition has several targets. */
  to?: string;
  /** Who the history names, when not the caller (a system step on someone's behalf, or the system within a person's step). */
  by?: string | null;
  note?: string;
  data?: Partial<C['data']>;
  /** Who the case waits on next. Default: unchanged, or nobody when the target state is closed. */
  assignees?: string[];
  dueAt?: number | null;
  dueAtUnconfirmed?: boolean;
  /** When the scheduler looks again. Default: the declared deadline, or never when the target state is closed. */
  wakeAt?: number | null;
  escalation?: number;
  notify?: Notice[];
  effects?: Effect[];
  /** A delegate's step: the assignee they stood in for (set by the interpreter). */
  onBehalfOf?: string;
  /** A hand-over's new assignee, a nudge's first recipient. */
  target?: string;
}

export type Guard<C extends Case> = (c: C, env: { actor: CaseActor; now: number }) => Refusal | null;
export type Check<C extends Case> = (c: C, cmd: Command, env: StepEnv) => Refusal | null;

export interface Transition<C extends Case = Case> {
  who: readonly Who[];
  /** Never the case's subject, whatever else they are. */
  notSubject?: true;
  /** Possible target states; `then` picks one when there are several. */
  to: string | readonly string[];
  /** A command field that must hold a non-blank text (REASON_REQUIRED, worded per command). */
  needs?: string;
  guardFirst?: Guard<C> | readonly Guard<C>[];
  guard?: Guard<C> | readonly Guard<C>[];
  check?: Check<C>;
  /** The next step's deadline, from the case's settings. */
  deadline?: Deadline;
  /** The step; 'unchanged' accepts the command and writes nothing (e.g. a repeated nomination). */
  then: (c: C, cmd: Command, env: StepEnv) => StepSpec<C> | Refusal | 'unchanged';
}

export interface StateSpec<C extends Case = Case> {
  /** Open states wait on someone or on the clock; closed ones are final. */
  open: boolean | ((c: C) => boolean);
  on: Partial<Record<CommandType, Transition<C>>>;
}

export interface KindSpec<C extends Case = Case> {
  kind: CaseKind;
  /** The state a new case starts in (its first step is `open`). */
  initial: string;
  states: Record<string, StateSpec<C>>;
  /** Roles beyond the built-in ones, by name. */
  roles?: Record<string, RolePredicate<C>>;
  /** Who the case waits on after a step, when the kind derives it (overrides the step's `assignees`). */
  assignees?: (next: C, ctx: KindContext) => string[];
  /**
   * When the scheduler next looks, when the kind keeps a timer besides its state's (a WeChat task it
   * carries as data): derived from the case after each step (overrides the step's `wakeAt`).
   */
  wakeAt?: (next: C) => number | null;
  /** The escalation stage belongs to the state: a step into another state starts it at 0 (otherwise it is kept). */
  escalationPerState?: true;
  /** Its steps read the group's current admins and leaders (not only its timeouts): the server loads them for every step. */
  needsGroup?: true;
  /** The answer to a command the current state does not have. */
  outOfState?: (c: C, cmd: Command, actor: CaseActor, now: number) => Refusal;
  /**
   * 批量处理: an admin may decide several waiting cases of this kind at once from 待办; the commands
   * a batch approval (and rejection, with one reason for all) issues. Absent: one at a time.
   */
  batch?: { approve: CaseCommand; reject?: CaseCommand };
  /** 转交 is not offered (the kind moves its people by its own commands, e.g. an emergency's 转派). */
  noHandOver?: true;
}

const asList = <T>(x: T | readonly T[] | undefined): readonly T[] => (x === undefined ? [] : Array.isArray(x) ? (x as readonly T[]) : [x as T]);

export function isOpenState<C extends Case>(spec: KindSpec<C>, state: string, c: C): boolean {
  const s = spec.states[state];
  if (!s) throw new Error(`${spec.kind}: no state ${state}`);
  return typeof s.open === 'function' ? s.open(c) : s.open;
}

/** Whether `actor` is one of `who` for this case. */
export function isWho<C extends Case>(spec: KindSpec<C>, c: C, t: Pick<Transition<C>, 'who' | 'notSubject'>, actor: CaseActor): boolean {
  if (actor.id === null) return t.who.includes('system');
  if (t.notSubject && actor.id === c.subjectId) return false;
  return t.who.some((w) => {
    switch (w) {
      case 'system':
        return false;
      case 'subject':
        return actor.id === c.subjectId;
      case 'assignee':
        return waitsOn(c, actor, delegatesFor(spec));
      case 'admin':
      case 'leader':
        return actor.rolesInGroup.includes(w as GroupRole);
      default: {
        const role = spec.roles?.[w];
        if (!role) throw new Error(`${spec.kind}: unknown role ${w}`);
        // A role the step gives a person it waits on (a guest's approver) is their delegate's too.
        const delegator = delegatesFor(spec) ? standsInFor(c, actor) : undefined;
        return role(c, actor) || (delegator !== undefined && role(c, { ...actor, id: delegator }));
      }
    }
  });
}

/**
 * 代理 reaches the steps of a kind whose people the table's steps set; not a kind that derives them
 * itself from personal tasks (an emergency's 接收 and 报告 are the assignee's own).
 */
export const delegatesFor = (spec: { assignees?: unknown }) => !spec.assignees;

/** The step waits on the actor: they are an assignee, or (unless `viaDelegate` is false) stand in for one (代理). */
export function waitsOn(c: Case, actor: CaseActor, viaDelegate = true): boolean {
  return actor.id !== null && (c.assignees.includes(actor.id) || (viaDelegate && standsInFor(c, actor) !== undefined));
}

/** The assignee a delegate stands in for on this case (undefined: none, or the actor is an assignee themselves). */
export function standsInFor(c: Case, actor: CaseActor): string | undefined {
  if (actor.id === null || !actor.actingFor?.length || c.assignees.includes(actor.id)) return undefined;
  return actor.actingFor.find((a) => c.assignees.includes(a));
}

function firstRefusal<C extends Case>(guards: readonly Guard<C>[], c: C, env: { actor: CaseActor; now: number }): Refusal | null {
  for (const g of guards) {
    const r = g(c, env);
    if (r) return r;
  }
  return null;
}

/** The commands `actor` may issue now (what the case page offers). */
export function allowed<C extends Case>(spec: KindSpec<C>, c: C, actor: CaseActor, now: number): CaseCommand[] {
  const state = spec.states[c.state];
  if (!state || actor.id === null) return [];
  const out: CaseCommand[] = [];
  for (const [type, t] of Object.entries(state.on) as [CommandType, Transition<C>][]) {
    if (type === 'timeout' || type === 'cancel' || type === 'covered' || type === 'mediaVerdict') continue;
    const env = { actor, now };
    if (firstRefusal(asList(t.guardFirst), c, env) || !isWho(spec, c, t, actor) || firstRefusal(asList(t.guard), c, env)) continue;
    out.push(type as CaseCommand);
  }
  return out;
}

export function computeDue(deadline: Deadline, now: number, settings: SettingsValues): Due {
  const key = typeof deadline === 'string' ? deadline : 'days' in deadline ? deadline.days : deadline.minutes;
  const [group, field] = key.split('.') as [keyof SettingsValues, string];
  const n = (settings[group] as Record<string, unknown>)[field];
  if (typeof n !== 'number') throw new Error(`settings ${key} is not a number`);
  if (typeof deadline === 'object' && 'minutes' in deadline) {
    const dueAt = now + n * 60_000;
    return { dueAt, dueAtUnconfirmed: false, wakeAt: dueAt };
  }
  const dueAt = deadlineAfter(now, n, settings.calendar);
  return { dueAt, dueAtUnconfirmed: isDeadlineUnconfirmed(dueAt, settings.calendar), wakeAt: dueAt };
}

/** decide: the one way any case of any kind moves. */
export function decide<C extends Case>(spec: KindSpec<C>, c: C, cmd: Command, actor: CaseActor, ctx: KindContext): Decision<C> {
  // A table serves its own kind only.
  if (c.kind !== spec.kind) return refuse('NOT_FOUND');
  const state = spec.states[c.state];
  if (!state) return refuse('INTERNAL');
  const t = state.on[cmd.type];
  if (!t) return spec.outOfState ? spec.outOfState(c, cmd, actor, ctx.now) : refuse('CASE_NOT_OPEN');
  // A stale timer (the case moved on, or nothing is timed) does nothing.
  if (cmd.type === 'timeout' && (actor.id !== null || c.wakeAt === null || c.wakeAt > ctx.now)) return refuse('CASE_NOT_OPEN');
  const genv = { actor, now: ctx.now };
  const first = firstRefusal(asList(t.guardFirst), c, genv);
  if (first) return first;
  if (!isWho(spec, c, t, actor)) return refuse('FORBIDDEN');
  const guarded = firstRefusal(asList(t.guard), c, genv);
  if (guarded) return guarded;
  if (t.needs !== undefined) {
    const text = cmd[t.needs];
    if (typeof text !== 'string' || !text.trim()) return refuse('REASON_REQUIRED', REASON_PROMPTS[cmd.type as CaseCommand] ?? '请填写理由');
  }
  const env: StepEnv = { ...ctx, actor, ...(t.deadline ? { due: computeDue(t.deadline, ctx.now, ctx.settings) } : {}) };
  const checked = t.check?.(c, cmd, env);
  if (checked) return checked;
  const s = t.then(c, cmd, env);
  if (s === 'unchanged') return { ok: true, case: c };
  if ('ok' in s) return s;
  const targets = asList(t.to);
  const to = s.to ?? (targets.length === 1 ? targets[0] : undefined);
  if (to === undefined || !targets.includes(to)) throw new Error(`${spec.kind}.${c.state}.${cmd.type}: target ${String(to)} not in the table`);
  // A delegate's step names whom they stood in for, whichever rule let them act.
  const onBehalfOf = s.by === undefined && delegatesFor(spec) ? standsInFor(c, actor) : undefined;
  return { ok: true, case: applyStep(spec, c, { ...s, to, ...(onBehalfOf ? { onBehalfOf } : {}) }, actor.id, env) };
}

/** The scheduler's transition for a case whose `wakeAt` has come. */
export function timeout<C extends Case>(spec: KindSpec<C>, c: C, ctx: KindContext): Decision<C> {
  return decide(spec, c, { type: 'timeout' }, SYSTEM, ctx);
}

export const SYSTEM: CaseActor = { id: null, rolesInGroup: [] };

/** A new case of the kind: its blank document, then its first step (history entry `action`). */
export function openCase<C extends Case>(
  spec: KindSpec<C>,
  f: Pick<C, '_id' | 'groupId' | 'subjectId' | 'openedBy' | 'data' | 'settingsVersion'> & {
    by: string | null;
    ctx: KindContext;
    deadline?: Deadline;
    /** The opening step; several when the opening is recorded as more than one entry (e.g. a decision, then its filing). */
    step: (env: StepEnv) => StepSpec<C> | StepSpec<C>[];
  },
): C {
  const { ctx } = f;
  const blank = {
    _id: f._id,
    kind: spec.kind,
    groupId: f.groupId,
    subjectId: f.subjectId,
    openedBy: f.openedBy,
    state: spec.initial,
    data: f.data,
    settingsVersion: f.settingsVersion,
    open: true,
    assignees: [],
    dueAt: null,
    dueAtUnconfirmed: false,
    wakeAt: null,
    escalation: 0,
    history: [],
    outbox: [],
    version: 0,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  } as unknown as C;
  const env: StepEnv = { ...ctx, actor: { id: f.by, rolesInGroup: [] }, ...(f.deadline ? { due: computeDue(f.deadline, ctx.now, ctx.settings) } : {}) };
  const steps = f.step(env);
  let c = blank;
  for (const [i, s] of (Array.isArray(steps) ? steps : [steps]).entries()) {
    // Only the first step runs on the declared deadline; later ones keep what it set.
    c = applyStep(spec, c, { ...s, to: s.to ?? (i ? c.state : spec.initial) }, f.by, i ? { ...env, due: undefined } : env);
  }
  return c;
}

/**
 * Write one step: history entry, data changes, deadline, assignees, notices and effects into the
 * outbox. History hashes are sealed by the server (core has no crypto); `version` is bumped by the store.
 */
function applyStep<C extends Case>(spec: KindSpec<C>, c: C, s: StepSpec<C> & { to: string }, by: string | null, env: StepEnv): C {
  const now = env.now;
  const before = c.data as Record<string, unknown>;
  const data = { ...before, ...((s.data ?? {}) as Record<string, unknown>) };
  const changes: HistoryEntry['changes'] = {};
  for (const k of Object.keys(s.data ?? {})) if (before[k] !== data[k]) changes[k] = { before: before[k] ?? null, after: data[k] };
  const draft = { ...c, state: s.to, data } as C;
  const open = isOpenState(spec, s.to, draft);
  const due = env.due;
  const [dueAt, unconfirmed] = s.dueAt !== undefined ? [s.dueAt, false] : due ? [due.dueAt, due.dueAtUnconfirmed] : [c.dueAt, c.dueAtUnconfirmed];
  const next = {
    ...draft,
    open,
    assignees: s.assignees ?? (open ? c.assignees : []),
    dueAt,
    dueAtUnconfirmed: s.dueAtUnconfirmed ?? unconfirmed,
    wakeAt: s.wakeAt !== undefined ? s.wakeAt : due ? due.wakeAt : open ? c.wakeAt : null,
    escalation: s.escalation ?? (spec.escalationPerState && s.to !== c.state ? 0 : c.escalation),
    updatedAt: now,
  } as C;
  if (spec.assignees) next.assignees = spec.assignees(next, env);
  if (spec.wakeAt) next.wakeAt = next.open ? spec.wakeAt(next) : null;
  const entry: HistoryEntry = {
    seq: c.history.length + 1,
    at: now,
    by: s.by !== undefined ? s.by : by,
    action: s.action,
    from: c.history.length ? c.state : null,
    to: s.to,
    dueAt: next.dueAt,
    prevHash: '',
    hash: '',
  };
  if (s.note) entry.note = s.note;
  if (Object.keys(changes).length) entry.changes = changes;
  if (s.onBehalfOf) entry.onBehalfOf = s.onBehalfOf;
  if (s.target) entry.target = s.target;
  next.history = [...c.history, entry];
  const effects = (s.effects ?? []).map((effect, i): EffectEntry => ({ id: `${c._id}.${entry.seq}.fx${i}`, effect, createdAt: now }));
  const notices = (s.notify ?? []).map(
    (n, i): NoticeEntry => ({
      id: noticeId(c._id, entry.seq, i),
      to: n.to,
      purpose: n.purpose,
      title: n.title,
      body: n.body,
      page: `packages/case/pages/case/index?id=${c._id}`,
      createdAt: now,
    }),
  );
  next.outbox = [...c.outbox, ...effects, ...notices];
  return next;
}

/** The id of the `i`-th notice of history entry `seq` (also its notification's id): a kind may keep it to look the delivery up later. */
export const noticeId = (caseId: string, seq: number, i: number) => `${caseId}.${seq}.${i}`;

/** Every person to tell, once each, never the one who acted. */
export function audience(ids: string[], except: string | null): string[] {
  return [...new Set(ids)].filter((id) => id !== except);
}

/** The notices in a case's outbox (effects wait beside them). */
export function notices(c: Case): NoticeEntry[] {
  return c.outbox.filter((e): e is NoticeEntry => !('effect' in e));
}

// ── The shared timeout: remind the assignees, then escalate, then nothing more ─────────────────

export interface LadderWording<C extends Case> {
  title: string;
  body: (c: C, due: Due | undefined) => string;
}

/**
 * remind → escalate, by the case's escalation stage: stage 0 reminds (a fresh deadline when
 * `remind.deadline` is set, else nothing more is timed), stage 1 escalates, later stages do nothing.
 * Either step may be left out: remind-only kinds remind once; escalate-only kinds escalate once.
 */
export function remindThenEscalate<C extends Case>(o: {
  remind?: LadderWording<C> & { deadline?: DeadlineKey; to?: (c: C, ctx: KindContext) => string[] };
  escalate?: LadderWording<C> & { to: (c: C, ctx: KindContext) => string[]; /** Add them to the assignees. */ assign?: boolean };
}): Transition<C> {
  return {
    who: ['system'],
    to: '*',
    then: (c, _cmd, env) => {
      if (c.escalation === 0 && o.remind) {
        const r = o.remind;
        const due = r.deadline ? computeDue(r.deadline, env.now, env.settings) : undefined;
        return {
          action: 'remind',
          to: c.state,
          escalation: 1,
          ...(due ?? { wakeAt: null }),
          notify: (r.to ? r.to(c, env) : c.assignees).map((to) => ({ to, purpose: 'reminder' as const, title: r.title, body: r.body(c, due) })),
        };
      }
      if (c.escalation < 2 && o.escalate) {
        const e = o.escalate;
        const up = e.to(c, env);
        return {
          action: 'escalate',
          to: c.state,
          escalation: 2,
          wakeAt: null,
          ...(e.assign ? { assignees: audience([...c.assignees, ...up], null) } : {}),
          notify: up.map((to) => ({ to, purpose: 'escalation' as const, title: e.title, body: e.body(c, undefined) })),
        };
      }
      return refuse('CASE_NOT_OPEN');
    },
  };
}

/** The table with each ladder's `'*'` target resolved to the state it sits in. */
export function defineKind<C extends Case>(spec: KindSpec<C>): KindSpec<C> {
  for (const [name, s] of Object.entries(spec.states)) {
    for (const [type, t] of Object.entries(s.on) as [CommandType, Transition<C>][]) {
      if (t.to === '*') s.on[type] = { ...t, to: name };
      for (const target of asList(s.on[type]!.to)) if (!spec.states[target]) throw new Error(`${spec.kind}.${name}.${type}: unknown target ${target}`);
    }
  }
  return spec;
}

// ── Who a step waits on, the same for every kind: 转交, 离职交接, 催办 ─────────────────────────
// Not commands of a table: they move no state and write one history entry each, through applyStep,
// so the version check, the seal and the outbox are those of any step.

/** A message's wording, made by the server (core knows no names or titles). */
export interface Wording {
  title: string;
  body: string;
}

const HOUR_MS = 3_600_000;

/** The assignee `actor` acts as: themselves, or whom they stand in for; undefined when the step does not wait on them. */
function assigneeActedAs(c: Case, actor: CaseActor): string | undefined {
  if (actor.id === null) return undefined;
  return c.assignees.includes(actor.id) ? actor.id : standsInFor(c, actor);
}

/** The kind lets its steps be handed over: not when it derives its assignees itself (an emergency's tasks), nor when it opts out. */
export const handsOver = (spec: KindSpec<Case>) => !spec.noHandOver && !spec.assignees;

/**
 * Whether `to` may take `from`'s place in the open step: an admin or leader of the group (never the
 * subject, never someone it already waits on) who, in that place, could issue one of the step's
 * commands. Derived from the kind's table, not per kind: the leader is eligible where the table lets
 * an assignee who is a leader act.
 */
function eligibleFor<C extends Case>(spec: KindSpec<C>, c: C, from: string, to: string, ctx: KindContext): boolean {
  if (to === c.subjectId || c.assignees.includes(to)) return false;
  const roles: GroupRole[] = [...(ctx.admins.includes(to) ? (['admin'] as const) : []), ...(ctx.leaders.includes(to) ? (['leader'] as const) : [])];
  if (!roles.length) return false;
  const next = { ...c, assignees: c.assignees.map((a) => (a === from ? to : a)) };
  return allowed(spec, next, { id: to, rolesInGroup: roles }, ctx.now).length > 0;
}

/** Whether `actor` may hand this case's open step over (the step waits on them, or on whom they stand in for). */
export function mayHandOver<C extends Case>(spec: KindSpec<C>, c: C, actor: CaseActor): boolean {
  return c.open && handsOver(spec as unknown as KindSpec<Case>) && assigneeActedAs(c, actor) !== undefined;
}

/** Whom `actor` may hand the open step to (group admins and leaders, eligible by the table), in the order given. */
export function handOverCandidates<C extends Case>(spec: KindSpec<C>, c: C, actor: CaseActor, ctx: KindContext): string[] {
  if (!mayHandOver(spec, c, actor)) return [];
  const from = assigneeActedAs(c, actor)!;
  return audience([...ctx.admins, ...ctx.leaders], actor.id).filter((to) => eligibleFor(spec, c, from, to, ctx));
}

/**
 * 转交: the open step waits on `to` instead of the one handing over (or whom the delegate handing it
 * over stands in for). Same state, same deadline and timer; one history entry naming both; `to` is told.
 */
export function handOver<C extends Case>(spec: KindSpec<C>, c: C, o: { to: string; note?: string; tell: Wording }, actor: CaseActor, ctx: KindContext): Decision<C> {
  if (c.kind !== spec.kind) return refuse('NOT_FOUND');
  if (!c.open) return refuse('CASE_NOT_OPEN');
  if (!handsOver(spec as unknown as KindSpec<Case>)) return refuse('HANDOVER_NOT_ALLOWED');
  const from = assigneeActedAs(c, actor);
  if (from === undefined) return refuse('NOT_ASSIGNEE');
  if (o.to === actor.id || c.assignees.includes(o.to)) return refuse('HANDOVER_SAME_PERSON');
  if (!eligibleFor(spec, c, from, o.to, ctx)) return refuse('HANDOVER_TARGET_INVALID');
  const step: StepSpec<C> & { to: string } = {
    action: 'hand_over',
    to: c.state,
    note: o.note,
    assignees: c.assignees.map((a) => (a === from ? o.to : a)),
    target: o.to,
    ...(from !== actor.id ? { onBehalfOf: from } : {}),
    notify: [{ to: o.to, purpose: 'newTask', ...o.tell }],
  };
  return { ok: true, case: applyStep(spec, c, step, actor.id, { ...ctx, actor }) };
}

/**
 * 离职交接 (the system, for a person who left): a step waiting on them with others keeps the others;
 * one waiting on them alone moves to the group's other admins, else its leaders (each eligible by the
 * table). Refused when the step does not wait on them (done already: a retry changes nothing) or
 * nobody can take it (it stays, and the kind's own timeout still escalates it).
 */
export function reassignLeaver<C extends Case>(spec: KindSpec<C>, c: C, o: { leaverId: string; note: string; tell: Wording }, ctx: KindContext): Decision<C> {
  if (c.kind !== spec.kind) return refuse('NOT_FOUND');
  if (!c.open || !c.assignees.includes(o.leaverId)) return refuse('CASE_NOT_OPEN');
  if (!handsOver(spec as unknown as KindSpec<Case>)) return refuse('HANDOVER_NOT_ALLOWED');
  const others = c.assignees.filter((a) => a !== o.leaverId);
  const eligible = (ids: string[]) => ids.filter((to) => to !== o.leaverId && eligibleFor(spec, c, o.leaverId, to, ctx));
  const admins = others.length ? [] : eligible(ctx.admins);
  const added = others.length ? [] : admins.length ? admins : eligible(ctx.leaders.filter((l) => !ctx.admins.includes(l)));
  const next = others.length ? others : added;
  if (!next.length) return refuse('HANDOVER_TARGET_INVALID');
  const step: StepSpec<C> & { to: string } = {
    action: 'hand_over_leaver',
    to: c.state,
    note: o.note,
    assignees: next,
    target: next[0],
    notify: added.map((to) => ({ to, purpose: 'newTask' as const, ...o.tell })),
  };
  return { ok: true, case: applyStep(spec, c, step, null, { ...ctx, actor: SYSTEM }) };
}

/** When the case's latest nudge was (null: never). */
export function lastNudgeAt(c: Case): number | null {
  for (let i = c.history.length - 1; i >= 0; i--) if (c.history[i].action === 'nudge') return c.history[i].at;
  return null;
}

/** When the case may next be nudged (null: now). */
export function nextNudgeAt(c: Case, nudgeHours: number, now: number): number | null {
  const last = lastNudgeAt(c);
  const next = last === null ? null : last + nudgeHours * HOUR_MS;
  return next !== null && next > now ? next : null;
}

/** Whether `actorId` may nudge: they asked (or it is about them), and the open step waits on someone else. */
export function mayNudge(c: Case, actorId: string | null): boolean {
  return actorId !== null && c.open && (actorId === c.openedBy || actorId === c.subjectId) && c.assignees.some((a) => a !== actorId);
}

/**
 * 催办: whoever asked (or the subject) reminds the people the open step waits on (`recipients`: the
 * assignees; the server's outbox copies each reminder to that assignee's active delegate), at most once
 * every `nudgeHours`, before or after the deadline.
 */
export function nudge<C extends Case>(
  spec: KindSpec<C>,
  c: C,
  o: { recipients: string[]; nudgeHours: number; note: string; tell: Wording },
  actor: CaseActor,
  ctx: KindContext,
): Decision<C> {
  if (c.kind !== spec.kind) return refuse('NOT_FOUND');
  if (!c.open || !c.assignees.length) return refuse('CASE_NOT_OPEN', '该事项当前没有等待处理的人，无需催办');
  if (actor.id === null || (actor.id !== c.openedBy && actor.id !== c.subjectId)) return refuse('FORBIDDEN', '只有提交人（或事项涉及的本人）可以催办');
  const next = nextNudgeAt(c, o.nudgeHours, ctx.now);
  if (next !== null) return refuse('NUDGE_TOO_SOON', `每 ${o.nudgeHours} 小时可催办一次，请于 ${formatShanghai(next, 'M月D日 HH:mm')} 后再催`);
  const to = audience(o.recipients, actor.id);
  if (!to.length) return refuse('CASE_NOT_OPEN', '该事项正等你本人处理，无需催办');
  const step: StepSpec<C> & { to: string } = {
    action: 'nudge',
    to: c.state,
    note: o.note,
    target: to[0],
    notify: to.map((id) => ({ to: id, purpose: 'reminder' as const, ...o.tell })),
  };
  return { ok: true, case: applyStep(spec, c, step, actor.id, { ...ctx, actor }) };
}
