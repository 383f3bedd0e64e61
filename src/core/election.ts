// 管理员选举 (§3.1 由群成员推选): nominations, one vote per member, a deadline, the count.
// Ties: the leader decides among the candidates with the most votes (the UI says so).
//
//   nominating ──nominate──▶ nominating   (any member of the electorate, self-nomination allowed)
//   nominating ──timeout───▶ voting       (at least one candidate) | failed (none)
//   voting ─────vote───────▶ voting       (each member once, before the deadline)
//   voting ─────timeout────▶ elected (one candidate on top) | tie
//   tie ────────decide─────▶ elected      (a leader, one of the tied candidates)
import type { CaseCommand, SettingsValues } from '../contract';
import { deadlineAfter, deadlineFields } from './calendar';
import { audience, blankCase, step, type CaseActor, type Decision } from './case';
import type { Case } from './model';
import { formatShanghai } from './time';

export interface ElectionData extends Record<string, unknown> {
  groupName: string;
  /** Members who may nominate, be nominated and vote: the roster when the election opened. */
  electorate: string[];
  names: Record<string, string>;
  candidates: string[];
  /** voter → candidate; never shown to others (the view shows the tally). */
  votes: Record<string, string>;
  nominationEndsAt: number;
  votingEndsAt: number | null;
  tied?: string[];
  winnerId?: string;
  requestId: string;
}
export type ElectionCase = Case<ElectionData>;

export type ElectionCommand =
  | { type: 'nominate'; personId: string }
  | { type: 'vote'; candidateId: string }
  | { type: 'decide'; personId: string }
  | { type: 'timeout' };

export const electionMachine = {
  nominating: { open: true, commands: { nominate: { who: 'elector' }, timeout: { who: 'system', to: ['voting', 'failed'] } } },
  voting: { open: true, commands: { vote: { who: 'elector, once' }, timeout: { who: 'system', to: ['elected', 'tie'] } } },
  tie: { open: true, commands: { decide: { who: 'leader', to: 'elected' } } },
  elected: { open: false, commands: {} },
  failed: { open: false, commands: {} },
} as const;

export const TIE_RULE = '得票最多的候选人票数相同时，由上级领导在他们之中决定';

export function tally(d: ElectionData): Record<string, number> {
  const t: Record<string, number> = Object.fromEntries(d.candidates.map((c) => [c, 0]));
  for (const v of Object.values(d.votes)) if (v in t) t[v]++;
  return t;
}

export function openElection(input: {
  id: string;
  groupId: string;
  openedBy: string;
  groupName: string;
  electorate: string[];
  names: Record<string, string>;
  requestId: string;
  settingsVersion: number;
  now: number;
  settings: SettingsValues;
}): ElectionCase {
  const { now, settings } = input;
  const nominationEndsAt = deadlineAfter(now, settings.membership.nominationDays, settings.calendar);
  const empty = blankCase<ElectionCase>({
    _id: input.id,
    kind: 'election',
    groupId: input.groupId,
    subjectId: input.openedBy,
    openedBy: input.openedBy,
    state: 'nominating',
    data: {
      groupName: input.groupName,
      electorate: input.electorate,
      names: input.names,
      candidates: [],
      votes: {},
      nominationEndsAt,
      votingEndsAt: null,
      requestId: input.requestId,
    },
    settingsVersion: input.settingsVersion,
    now,
  });
  return step(
    empty,
    {
      action: 'open_election',
      by: input.openedBy,
      to: 'nominating',
      open: true,
      ...deadlineFields(nominationEndsAt, settings.calendar),
      notify: audience(input.electorate, input.openedBy).map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '管理员选举开始提名',
        body: `「${input.groupName}」选举管理员，提名截止 ${formatShanghai(nominationEndsAt, 'M月D日')}，可提名他人或自荐`,
      })),
    },
    now,
  );
}

const isElector = (c: ElectionCase, id: string | null) => id !== null && c.data.electorate.includes(id);

export function electionAllowed(c: ElectionCase, actor: CaseActor, now: number): CaseCommand[] {
  const d = c.data;
  if (c.state === 'nominating' && isElector(c, actor.id) && now < d.nominationEndsAt) return ['nominate'];
  if (c.state === 'voting' && isElector(c, actor.id) && !(actor.id! in d.votes) && d.votingEndsAt !== null && now < d.votingEndsAt) return ['vote'];
  if (c.state === 'tie' && actor.rolesInGroup.includes('leader')) return ['decide'];
  return [];
}

export function decideElection(c: ElectionCase, cmd: ElectionCommand, actor: CaseActor, ctx: { now: number; settings: SettingsValues; leaders: string[] }): Decision<ElectionCase> {
  const { now, settings } = ctx;
  const d = c.data;
  const name = (id: string) => d.names[id] ?? id;
  switch (cmd.type) {
    case 'nominate': {
      if (!isElector(c, actor.id)) return { ok: false, code: 'FORBIDDEN' };
      if (c.state !== 'nominating' || now >= d.nominationEndsAt) return { ok: false, code: 'ELECTION_CLOSED' };
      if (!d.electorate.includes(cmd.personId)) return { ok: false, code: 'NOT_ELIGIBLE' };
      if (d.candidates.includes(cmd.personId)) return { ok: true, case: c };
      return {
        ok: true,
        case: step(c, { action: 'nominate', by: actor.id, to: 'nominating', open: true, note: name(cmd.personId), data: { candidates: [...d.candidates, cmd.personId] } }, now),
      };
    }
    case 'vote': {
      if (!isElector(c, actor.id)) return { ok: false, code: 'FORBIDDEN' };
      // A vote after the deadline is refused even if the scheduler has not counted yet.
      if (c.state !== 'voting' || d.votingEndsAt === null || now >= d.votingEndsAt) return { ok: false, code: 'ELECTION_CLOSED' };
      if (actor.id! in d.votes) return { ok: false, code: 'ALREADY_VOTED' };
      if (!d.candidates.includes(cmd.candidateId)) return { ok: false, code: 'NOT_CANDIDATE' };
      // The history records that someone voted, not for whom.
      return { ok: true, case: step(c, { action: 'vote', by: actor.id, to: 'voting', open: true, data: { votes: { ...d.votes, [actor.id!]: cmd.candidateId } } }, now) };
    }
    case 'decide': {
      if (c.state !== 'tie') return { ok: false, code: 'CASE_NOT_OPEN' };
      if (!actor.rolesInGroup.includes('leader')) return { ok: false, code: 'FORBIDDEN' };
      if (!(d.tied ?? []).includes(cmd.personId)) return { ok: false, code: 'NOT_CANDIDATE', message: '只能在平票的候选人中决定' };
      return { ok: true, case: elect(c, cmd.personId, actor.id, now, `上级领导在平票候选人中决定：${name(cmd.personId)}`) };
    }
    case 'timeout': {
      if (actor.id !== null || c.wakeAt === null || c.wakeAt > now) return { ok: false, code: 'CASE_NOT_OPEN' };
      if (c.state === 'nominating') {
        if (!d.candidates.length) {
          return { ok: true, case: step(c, { action: 'no_candidates', by: null, to: 'failed', open: false, note: '提名期内无人被提名', wakeAt: null, dueAt: null, notify: audience(d.electorate, null).map((to) => ({ to, purpose: 'caseDecided' as const, title: '管理员选举未选出', body: `「${d.groupName}」提名期内无人被提名` })) }, now) };
        }
        const votingEndsAt = deadlineAfter(now, settings.membership.votingDays, settings.calendar);
        return {
          ok: true,
          case: step(
            c,
            {
              action: 'start_voting',
              by: null,
              to: 'voting',
              open: true,
              ...deadlineFields(votingEndsAt, settings.calendar),
              data: { votingEndsAt },
              notify: d.electorate.map((to) => ({
                to,
                purpose: 'newTask' as const,
                title: '管理员选举开始投票',
                body: `「${d.groupName}」候选人：${d.candidates.map(name).join('、')}，${formatShanghai(votingEndsAt, 'M月D日')} 截止，每人一票`,
              })),
            },
            now,
          ),
        };
      }
      if (c.state === 'voting') {
        const t = tally(d);
        const top = Math.max(...Object.values(t));
        const leading = d.candidates.filter((x) => t[x] === top);
        if (leading.length === 1) return { ok: true, case: elect(c, leading[0], null, now, `得票 ${top}，当选`) };
        return {
          ok: true,
          case: step(
            c,
            {
              action: 'tie',
              by: null,
              to: 'tie',
              open: true,
              note: `${leading.map(name).join('、')} 各得 ${top} 票`,
              assignees: ctx.leaders,
              wakeAt: null,
              dueAt: null,
              data: { tied: leading },
              notify: ctx.leaders.map((to) => ({
                to,
                purpose: 'escalation' as const,
                title: '管理员选举平票',
                body: `「${d.groupName}」${leading.map(name).join('、')} 平票，请在其中决定`,
              })),
            },
            now,
          ),
        };
      }
      return { ok: false, code: 'CASE_NOT_OPEN' };
    }
  }
}

function elect(c: ElectionCase, winnerId: string, by: string | null, now: number, note: string): ElectionCase {
  const d = c.data;
  return step(
    c,
    {
      action: 'elected',
      by,
      to: 'elected',
      open: false,
      note,
      assignees: [],
      wakeAt: null,
      dueAt: null,
      data: { winnerId },
      notify: audience(d.electorate, by).map((to) => ({
        to,
        purpose: 'caseDecided' as const,
        title: '管理员选举结果',
        body: `「${d.groupName}」当选管理员：${d.names[winnerId] ?? winnerId}`,
      })),
    },
    now,
  );
}
