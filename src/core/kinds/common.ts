// Transitions several kinds share, written once: withdraw by the one who asked, reject with a
// reason, and the answer to a decision on a case that is already decided.
import { STATE_LABELS, type MediaState } from '../../contract';
import { audience, refuse, type Command, type Notice, type Refusal, type StepEnv, type Transition, type Who } from '../engine';
import type { Effect } from '../effects';
import type { Case } from '../model';

/** The member who asked takes the request back. */
export function withdrawBySubject<C extends Case>(): Transition<C> {
  return { who: ['subject'], to: 'withdrawn', then: () => ({ action: 'withdraw' }) };
}

/** Reject with a required reason, kept in `data[field]` and told to `told` (default: the subject). */
export function rejectWithReason<C extends Case>(o: {
  who: readonly Who[];
  notSubject?: true;
  field: 'reason' | 'rejectReason';
  title: string;
  told?: (c: C, by: string | null) => string[];
}): Transition<C> {
  return {
    who: o.who,
    ...(o.notSubject ? { notSubject: true as const } : {}),
    to: 'rejected',
    needs: 'reason',
    then: (c, cmd, env) => {
      const reason = String(cmd.reason).trim();
      return {
        action: 'reject',
        note: String(cmd.reason),
        data: { [o.field]: reason } as Partial<C['data']>,
        notify: (o.told ? o.told(c, env.actor.id) : [c.subjectId]).map((to) => ({ to, purpose: 'caseDecided' as const, title: o.title, body: `理由：${reason}` })),
      };
    },
  };
}

/** Others than the subject: who a step about them goes to. */
export const othersThan = (ids: string[], subjectId: string) => ids.filter((id) => id !== subjectId);

/** Admins other than the member; the leaders when no other admin exists. */
export function adminsElseLeaders(subjectId: string, admins: string[], leaders: string[]): string[] {
  const others = othersThan(admins, subjectId);
  return others.length ? others : othersThan(leaders, subjectId);
}

/** A decision on a request that is no longer waiting: say what became of it. */
export function alreadyDecided(c: Case, cmd: Command, decisions: readonly string[]): Refusal {
  if (!decisions.includes(cmd.type)) return refuse('CASE_NOT_OPEN');
  return refuse('CASE_ALREADY_DECIDED', `该申请已${c.state === 'withdrawn' ? '被申请人撤回' : `处理（${STATE_LABELS[c.state]}）`}，请刷新查看最新结果`);
}

export { audience };

/** The content check of each newly attached image (known when the server read its upload); unknown ones wait for their verdict. */
export function mediaOf(fileIds: string[], known: Record<string, MediaState> | undefined): Record<string, MediaState> {
  return Object.fromEntries(fileIds.map((id) => [id, known?.[id] ?? 'pending']));
}

/** Images a step attaches are marked as used by the case (server/cases/effects.ts). */
export const attachUploads = (caseId: string, fileIds: string[]): Effect[] => (fileIds.length ? [{ type: 'attachUploads', caseId, fileIds }] : []);

/**
 * An attached image's content check came back (the system's `mediaVerdict`): record it in
 * `data.media`; a risky one is hidden from then on and `told` warned. Only an image still pending:
 * a repeated verdict, or one for an image the case lacks, changes nothing.
 */
export function recordMediaVerdict<C extends Case<{ media?: Record<string, MediaState> }>>(state: string, told: (c: C, env: StepEnv) => Notice[]): Transition<C> {
  return {
    who: ['system'],
    to: state,
    check: (c, cmd) => (c.data.media?.[String(cmd.fileId)] === 'pending' ? null : refuse('CASE_NOT_OPEN')),
    then: (c, cmd, env) => {
      const verdict = cmd.verdict === 'risky' ? 'risky' : 'pass';
      const media = { ...c.data.media, [String(cmd.fileId)]: verdict as MediaState };
      if (verdict === 'pass') return { action: 'media_pass', data: { media } as Partial<C['data']> };
      const label = typeof cmd.label === 'string' && cmd.label ? `（${cmd.label}）` : '';
      return { action: 'media_risky', note: `一张图片未通过内容安全检查${label}，已隐藏`, data: { media } as Partial<C['data']>, notify: told(c, env) };
    },
  };
}
