// An admin opens a violation case: the ladder proposes, the admin decides (lighter only with a reason).
import { fail, PENALTY_LABELS, type ActionInput, type CaseView, type Result } from '../../contract';
import { checkChosenStep } from '../../core/ladder';
import { openViolation } from '../../core/kinds/violation';
import { rolesIn, type HandlerCtx } from '../context';
import { requestKey } from '../cases/ids';
import { checkText } from '../content';
import { currentSettings } from '../reads/settings';
import { caseView, fileCase } from './case-step';
import { loadGroupContext } from '../reads/group-context';
import { checkFiles } from './violation-files';
import { citedBackup } from '../../core/backups';
import { priorViolations, proposalFor } from './violation-ladder';

export function violationCaseId(personId: string, requestId: string): string {
  return requestKey('vi', personId, requestId);
}

export async function violationOpen(ctx: HandlerCtx, input: ActionInput<'violation.open'>): Promise<Result<CaseView>> {
  const { store } = ctx.deps;
  const { actor, now } = ctx;
  const me = actor.person._id;
  const id = violationCaseId(me, input.requestId);

  if (!rolesIn(actor, input.groupId).includes('admin')) return fail('FORBIDDEN', '只有本群管理员可以处理违规');
  if (input.subjectId === me) return fail('FORBIDDEN', '不能对自己立案，请由其他管理员处理');
  const [gc, settings] = await Promise.all([loadGroupContext(store, input.groupId), currentSettings(store)]);
  // The ladder's read also answers a retried request: its case is among the member's recent ones.
  const prior = await priorViolations(store, input.groupId, input.subjectId, settings.values, now);
  const retried = prior.find((c) => c._id === id);
  if (retried) return caseView(ctx, retried);
  if (!gc) return fail('NOT_FOUND');
  const subject = gc.roster.find((r) => r.person._id === input.subjectId && r.membership.roles.includes('member'));
  if (!subject || subject.person.status !== 'active') return fail('NOT_MEMBER', '该成员不在本群');
  const rules = settings.values.violation;
  if (!rules.categories.includes(input.category)) return fail('CATEGORY_UNKNOWN');

  const description = input.description.trim();
  if (!description) return fail('REASON_REQUIRED', '请描述违规情况');
  const proposal = await proposalFor(store, input.groupId, input.subjectId, input.severity, settings.values, now, prior);
  const chosen = checkChosenStep(proposal.step, input.step);
  if (chosen === 'heavier') {
    return fail('PENALTY_NOT_ALLOWED', `按处罚规则本次应为“${PENALTY_LABELS[proposal.step]}”，不能选择更重的处理；如情节更重，请调整情节`);
  }
  const lighterReason = input.lighterReason?.trim() || null;
  if (chosen === 'lighter' && !lighterReason) {
    return fail('REASON_REQUIRED', `选择比建议（${PENALTY_LABELS[proposal.step]}）更轻的处理时，请写明理由`);
  }
  const files = await checkFiles(ctx, input.evidence);
  if ('ok' in files) return files;
  const backupIds = [...new Set(input.backupIds ?? [])];
  const backups = backupIds.length ? await store.getBackups(backupIds) : [];
  if (backups.length !== backupIds.length || backups.some((b) => b.groupId !== gc.group._id)) return fail('BACKUP_NOT_IN_GROUP');
  // Each citation as the backup reads now, frozen into the case's opening entry.
  const byId = new Map(backups.map((b) => [b._id, b]));
  const citations = backupIds.map((bid) => citedBackup(byId.get(bid)!, gc.group.name));
  const refused = await checkText(ctx, [description, lighterReason ?? undefined]);
  if (refused) return refused;

  const c = openViolation({
    id,
    groupId: gc.group._id,
    subjectId: input.subjectId,
    openedBy: me,
    requestId: input.requestId,
    groupName: gc.group.name,
    subjectName: subject.person.name,
    category: input.category,
    description,
    evidence: files.fileIds,
    media: files.media,
    backupIds,
    citations,
    severity: input.severity,
    proposed: proposal.step,
    proposalReasons: proposal.reasons,
    priorCount: proposal.priorCount,
    step: input.step,
    lighterReason: chosen === 'lighter' ? lighterReason : null,
    settingsVersion: settings.version,
    ctx: { now, settings: settings.values, admins: gc.admins, leaders: gc.leaders },
  });
  return fileCase(ctx, c);
}
