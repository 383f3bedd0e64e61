// 管理员选举 (§3.1 由群成员推选): nominations, one vote per member, a deadline, the count.
// Ties: the leader decides among the candidates with the most votes (the UI says so).
//
//   nominating ──nominate──▶ nominating   (any member of the electorate, self-nomination allowed)
//   nominating ──timeout───▶ voting       (at least one candidate) | failed (none)
//   voting ─────vote───────▶ voting       (each member once, before the deadline)
//   voting ─────timeout────▶ elected (one candidate on top) | tie
//   tie ────────decide─────▶ elected      (a leader, one of the tied candidates)
import type { ElectionData, SettingsValues } from '../../contract';
import { audience, computeDue, defineKind, openCase, refuse, type CaseActor, type StepSpec } from '../engine';
import type { Case } from '../model';
import { formatShanghai } from '../time';

export type { ElectionData };
export type ElectionCase = Case<ElectionData>;

export const TIE_RULE = '得票最多的候选人票数相同时，由上级领导在他们之中决定';

export function tally(d: ElectionData): Record<string, number> {
  const t: Record<string, number> = Object.fromEntries(d.candidates.map((c) => [c, 0]));
  for (const v of Object.values(d.votes)) if (v in t) t[v]++;
  return t;
}

const isElector = (c: ElectionCase, actor: CaseActor) => actor.id !== null && c.data.electorate.includes(actor.id);
const nameOf = (d: ElectionData, id: string) => d.names[id] ?? id;

/** The winner's step, by the count or by the leader's decision; the admin is made and filed with the leader. */
function elect(c: ElectionCase, winnerId: string, by: string | null, note: string): StepSpec<ElectionCase> {
  const d = c.data;
  return {
    action: 'elected',
    to: 'elected',
    note,
    dueAt: null,
    data: { winnerId },
    notify: audience(d.electorate, by).map((to) => ({ to, purpose: 'caseDecided' as const, title: '管理员选举结果', body: `「${d.groupName}」当选管理员：${nameOf(d, winnerId)}` })),
    effects: [
      { type: 'setAdmin', groupId: c.groupId, personId: winnerId, admin: true },
      { type: 'fileElectedAdmin', electionId: c._id, groupId: c.groupId, personId: winnerId, groupName: d.groupName },
    ],
  };
}

export const electionKind = defineKind<ElectionCase>({
  kind: 'election',
  initial: 'nominating',
  roles: { elector: isElector },
  states: {
    nominating: {
      open: true,
      on: {
        nominate: {
          who: ['elector'],
          to: 'nominating',
          guard: (c, { now }) => (now >= c.data.nominationEndsAt ? refuse('ELECTION_CLOSED') : null),
          check: (c, cmd) => (c.data.electorate.includes(cmd.personId as string) ? null : refuse('NOT_ELIGIBLE')),
          then: (c, cmd) => {
            const personId = cmd.personId as string;
            if (c.data.candidates.includes(personId)) return 'unchanged';
            return { action: 'nominate', note: nameOf(c.data, personId), data: { candidates: [...c.data.candidates, personId] } };
          },
        },
        timeout: {
          who: ['system'],
          to: ['voting', 'failed'],
          deadline: 'membership.votingDays',
          then: (c, _cmd, env) => {
            const d = c.data;
            if (!d.candidates.length) {
              return {
                action: 'no_candidates',
                to: 'failed',
                note: '提名期内无人被提名',
                dueAt: null,
                wakeAt: null,
                notify: audience(d.electorate, null).map((to) => ({ to, purpose: 'caseDecided' as const, title: '管理员选举未选出', body: `「${d.groupName}」提名期内无人被提名` })),
              };
            }
            const votingEndsAt = env.due!.dueAt;
            return {
              action: 'start_voting',
              to: 'voting',
              data: { votingEndsAt },
              notify: d.electorate.map((to) => ({
                to,
                purpose: 'newTask' as const,
                title: '管理员选举开始投票',
                body: `「${d.groupName}」候选人：${d.candidates.map((x) => nameOf(d, x)).join('、')}，${formatShanghai(votingEndsAt, 'M月D日')} 截止，每人一票`,
              })),
            };
          },
        },
      },
    },
    voting: {
      open: true,
      on: {
        vote: {
          who: ['elector'],
          to: 'voting',
          // A vote after the deadline is refused even if the scheduler has not counted yet.
          guard: [
            (c, { now }) => (c.data.votingEndsAt === null || now >= c.data.votingEndsAt ? refuse('ELECTION_CLOSED') : null),
            (c, { actor }) => (actor.id! in c.data.votes ? refuse('ALREADY_VOTED') : null),
          ],
          check: (c, cmd) => (c.data.candidates.includes(cmd.candidateId as string) ? null : refuse('NOT_CANDIDATE')),
          // The history records that someone voted, not for whom.
          then: (c, cmd, env) => ({ action: 'vote', data: { votes: { ...c.data.votes, [env.actor.id!]: cmd.candidateId as string } } }),
        },
        timeout: {
          who: ['system'],
          to: ['elected', 'tie'],
          then: (c, _cmd, env) => {
            const d = c.data;
            const t = tally(d);
            const top = Math.max(...Object.values(t));
            const leading = d.candidates.filter((x) => t[x] === top);
            if (leading.length === 1) return elect(c, leading[0], null, `得票 ${top}，当选`);
            return {
              action: 'tie',
              to: 'tie',
              note: `${leading.map((x) => nameOf(d, x)).join('、')} 各得 ${top} 票`,
              assignees: env.leaders,
              wakeAt: null,
              dueAt: null,
              data: { tied: leading },
              notify: env.leaders.map((to) => ({ to, purpose: 'escalation' as const, title: '管理员选举平票', body: `「${d.groupName}」${leading.map((x) => nameOf(d, x)).join('、')} 平票，请在其中决定` })),
            };
          },
        },
      },
    },
    tie: {
      open: true,
      on: {
        decide: {
          who: ['leader'],
          to: 'elected',
          check: (c, cmd) => ((c.data.tied ?? []).includes(cmd.personId as string) ? null : refuse('NOT_CANDIDATE', '只能在平票的候选人中决定')),
          then: (c, cmd, env) => elect(c, cmd.personId as string, env.actor.id, `上级领导在平票候选人中决定：${nameOf(c.data, cmd.personId as string)}`),
        },
      },
    },
    elected: { open: false, on: {} },
    failed: { open: false, on: {} },
  },
  // Nominating and voting ask who is asking before whether the election still takes them.
  outOfState: (c, cmd, actor) => {
    if (cmd.type === 'nominate' || cmd.type === 'vote') return refuse(isElector(c, actor) ? 'ELECTION_CLOSED' : 'FORBIDDEN');
    return refuse('CASE_NOT_OPEN');
  },
});

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
  // The nomination deadline is kept in the data too: the nominate guard and the case view read it there.
  const nominationEndsAt = computeDue('membership.nominationDays', now, settings).dueAt;
  return openCase(electionKind, {
    _id: input.id,
    groupId: input.groupId,
    subjectId: input.openedBy,
    openedBy: input.openedBy,
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
    by: input.openedBy,
    ctx: { now, settings, admins: [], leaders: [] },
    deadline: 'membership.nominationDays',
    step: () => ({
      action: 'open_election',
      notify: audience(input.electorate, input.openedBy).map((to) => ({
        to,
        purpose: 'newTask' as const,
        title: '管理员选举开始提名',
        body: `「${input.groupName}」选举管理员，提名截止 ${formatShanghai(nominationEndsAt, 'M月D日')}，可提名他人或自荐`,
      })),
    }),
  });
}
