// One handler per action; the type makes a missing one a compile error.
import type { ActionInput, ActionName, ActionResult, Result } from '../../contract';
import type { HandlerCtx } from '../context';
import { casesGet, casesMine, inboxList } from './cases';
import { groupsBindWechat, groupsCreate, groupsEnter, groupsRoster, rosterAskFix } from './groups';
import { invitationsAccept, invitationsCreate, type UnboundCtx } from './invitations';
import { notificationsList, notificationsRead } from './notifications';
import { renameApprove, renameReject, renameWithdraw } from './rename-decide';
import { renamePreview } from './rename-preview';
import { homeLoad, inboxLoad, meLoad } from './screens';
import { renameSubmit } from './rename-submit';
import { noticesAcknowledge, noticesCorrect, noticesForm, noticesGet, noticesList, noticesPreview, noticesPublish, noticesReceipts, noticesWithdraw } from './notices';
import { filesRecord } from './files-record';
import { subscriptionsRecord } from './subscriptions';
import { casesAcknowledge, tasksConfirm } from './tasks';
import { whoami } from './whoami';

// Rarely used actions. Their handlers (later.ts) load together on the first call of any of them;
// the export, with its workbook writer, on its own.
const later = () => import('./later');
const { reportsDrill, reportsOverview } = onFirstCall(later, 'reportsDrill', 'reportsOverview');
const { reportsExport, reportsExports, reportsVerifyExport } = onFirstCall(() => import('./reports-export'), 'reportsExport', 'reportsExports', 'reportsVerifyExport');
const { casesSearch } = onFirstCall(later, 'casesSearch');
const { auditVerify } = onFirstCall(later, 'auditVerify');
const { backupsRegister } = onFirstCall(later, 'backupsRegister');
const { backupsVerify } = onFirstCall(later, 'backupsVerify');
const { backupsGet, backupsList } = onFirstCall(later, 'backupsGet', 'backupsList');
const { backupsCite } = onFirstCall(later, 'backupsCite');
const { departmentsCreate, departmentsSetHead, orgOverview, peopleAdd, peopleSetPublisher } = onFirstCall(later, 'departmentsCreate', 'departmentsSetHead', 'orgOverview', 'peopleAdd', 'peopleSetPublisher');
const { settingsGet, settingsUpdate } = onFirstCall(later, 'settingsGet', 'settingsUpdate');
const { emergenciesAcknowledge, emergenciesActive, emergenciesAssign, emergenciesClose, emergenciesForm, emergenciesProgress, emergenciesReach, emergenciesReassign, emergenciesStart } = onFirstCall(later, 'emergenciesAcknowledge', 'emergenciesActive', 'emergenciesAssign', 'emergenciesClose', 'emergenciesForm', 'emergenciesProgress', 'emergenciesReach', 'emergenciesReassign', 'emergenciesStart');
const { feedbackAnswer, feedbackFollowUp, feedbackForm, feedbackForward, feedbackResolve, feedbackSecond, feedbackSimilar, feedbackSubmit } = onFirstCall(later, 'feedbackAnswer', 'feedbackFollowUp', 'feedbackForm', 'feedbackForward', 'feedbackResolve', 'feedbackSecond', 'feedbackSimilar', 'feedbackSubmit');
const { electionsDecideTie, electionsNominate, electionsOpen, electionsVote } = onFirstCall(later, 'electionsDecideTie', 'electionsNominate', 'electionsOpen', 'electionsVote');
const { guestsDecide, guestsRequest } = onFirstCall(later, 'guestsDecide', 'guestsRequest');
const { adminsApplyChange, adminsAppoint, adminsDecideChange } = onFirstCall(later, 'adminsApplyChange', 'adminsAppoint', 'adminsDecideChange');
const { peopleOffboard, peopleOnboard } = onFirstCall(later, 'peopleOffboard', 'peopleOnboard');
const { recordsRequest } = onFirstCall(later, 'recordsRequest');
const { recordsApprove, recordsReject, recordsRevoke, recordsWithdraw } = onFirstCall(later, 'recordsApprove', 'recordsReject', 'recordsRevoke', 'recordsWithdraw');
const { recordsGrant, recordsLink } = onFirstCall(later, 'recordsGrant', 'recordsLink');
const { recordsLog } = onFirstCall(later, 'recordsLog');
const { violationForm } = onFirstCall(later, 'violationForm');
const { violationOpen } = onFirstCall(later, 'violationOpen');
const { violationAccept, violationAnswer, violationAppeal, violationConfirmTask, violationDecideMeasure, violationEscalate, violationRule } = onFirstCall(later, 'violationAccept', 'violationAnswer', 'violationAppeal', 'violationConfirmTask', 'violationDecideMeasure', 'violationEscalate', 'violationRule');
const { delegationsClear, delegationsMine, delegationsSet } = onFirstCall(later, 'delegationsClear', 'delegationsMine', 'delegationsSet');
const { casesHandOver } = onFirstCall(later, 'casesHandOver');
const { casesNudge } = onFirstCall(later, 'casesNudge');
const { inboxDecideMany } = onFirstCall(later, 'inboxDecideMany');

/**
 * Handlers that load on their first call: in the cloud bundle the modules behind import() are files of
 * their own (scripts/build-cloud.mjs), so a cold instance compiles and runs only what the common calls
 * (screens, cases, notices, rename) need. One file rather than one per module: each file a function
 * loads at start costs its own look-up and read.
 */
function onFirstCall<M, K extends keyof M>(load: () => Promise<M>, ...names: K[]): Pick<M, K> {
  let loading: Promise<M> | undefined;
  const loaded = () =>
    (loading ??= load().catch((err: unknown) => {
      // A failed load is tried again on the next call rather than remembered.
      loading = undefined;
      throw err;
    }));
  const entries = names.map((name) => [name, async (...args: unknown[]) => ((await loaded())[name] as (...a: unknown[]) => unknown)(...args)]);
  return Object.fromEntries(entries) as Pick<M, K>;
}

export type Handler<A extends ActionName> = (ctx: HandlerCtx, input: ActionInput<A>) => Promise<Result<ActionResult<A>>>;

/** Reached by a caller no person is bound to yet (see UNBOUND_ACTIONS). */
export const unboundHandlers = {
  'invitations.accept': invitationsAccept,
} satisfies Record<string, (ctx: UnboundCtx, input: never) => Promise<Result<unknown>>>;

const boundOnly = async () => ({ ok: false as const, code: 'ALREADY_BOUND' as const, message: '你的微信已绑定本单位的一位人员，一个微信只能绑定一人' });

export const handlers: { [A in ActionName]: Handler<A> } = {
  'session.whoami': whoami,
  'home.load': homeLoad,
  'inbox.load': inboxLoad,
  'me.load': meLoad,
  'rename.preview': renamePreview,
  'rename.submit': renameSubmit,
  'rename.withdraw': renameWithdraw,
  'rename.approve': renameApprove,
  'rename.reject': renameReject,
  // dispatch runs invitations.accept before loading an actor; this entry only completes the table.
  'invitations.accept': boundOnly,
  'invitations.create': invitationsCreate,
  'org.overview': orgOverview,
  'departments.create': departmentsCreate,
  'departments.setHead': departmentsSetHead,
  'people.add': peopleAdd,
  'people.setPublisher': peopleSetPublisher,
  'people.onboard': peopleOnboard,
  'people.offboard': peopleOffboard,
  'groups.create': groupsCreate,
  'groups.bindWechat': groupsBindWechat,
  'groups.enter': groupsEnter,
  'groups.roster': groupsRoster,
  'roster.askFix': rosterAskFix,
  'tasks.confirm': tasksConfirm,
  'cases.acknowledge': casesAcknowledge,
  'admins.appoint': adminsAppoint,
  'admins.applyChange': adminsApplyChange,
  'admins.decideChange': adminsDecideChange,
  'elections.open': electionsOpen,
  'elections.nominate': electionsNominate,
  'elections.vote': electionsVote,
  'elections.decideTie': electionsDecideTie,
  'guests.request': guestsRequest,
  'guests.decide': guestsDecide,
  'backups.register': backupsRegister,
  'backups.list': backupsList,
  'backups.get': backupsGet,
  'backups.verify': backupsVerify,
  'backups.cite': backupsCite,
  'records.request': recordsRequest,
  'records.withdraw': recordsWithdraw,
  'records.approve': recordsApprove,
  'records.reject': recordsReject,
  'records.revoke': recordsRevoke,
  'records.grant': recordsGrant,
  'records.link': recordsLink,
  'records.log': recordsLog,
  'violation.form': violationForm,
  'violation.open': violationOpen,
  'violation.decideMeasure': violationDecideMeasure,
  'violation.appeal': violationAppeal,
  'violation.accept': violationAccept,
  'violation.answer': violationAnswer,
  'violation.escalate': violationEscalate,
  'violation.rule': violationRule,
  'violation.confirmTask': violationConfirmTask,
  'cases.mine': casesMine,
  'cases.get': casesGet,
  'cases.search': casesSearch,
  'inbox.list': inboxList,
  'inbox.decideMany': inboxDecideMany,
  'cases.handOver': casesHandOver,
  'cases.nudge': casesNudge,
  'delegations.set': delegationsSet,
  'delegations.clear': delegationsClear,
  'delegations.mine': delegationsMine,
  'notifications.list': notificationsList,
  'notifications.read': notificationsRead,
  'subscriptions.record': subscriptionsRecord,
  'notices.form': noticesForm,
  'notices.preview': noticesPreview,
  'notices.publish': noticesPublish,
  'notices.get': noticesGet,
  'notices.list': noticesList,
  'notices.acknowledge': noticesAcknowledge,
  'notices.receipts': noticesReceipts,
  'notices.withdraw': noticesWithdraw,
  'notices.correct': noticesCorrect,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
  'files.record': filesRecord,
  'audit.verify': auditVerify,
  'emergencies.form': emergenciesForm,
  'emergencies.start': emergenciesStart,
  'emergencies.acknowledge': emergenciesAcknowledge,
  'emergencies.progress': emergenciesProgress,
  'emergencies.reassign': emergenciesReassign,
  'emergencies.assign': emergenciesAssign,
  'emergencies.close': emergenciesClose,
  'emergencies.reach': emergenciesReach,
  'emergencies.active': emergenciesActive,
  'feedback.form': feedbackForm,
  'feedback.submit': feedbackSubmit,
  'feedback.similar': feedbackSimilar,
  'feedback.second': feedbackSecond,
  'feedback.forward': feedbackForward,
  'feedback.answer': feedbackAnswer,
  'feedback.followUp': feedbackFollowUp,
  'feedback.resolve': feedbackResolve,
  'reports.export': reportsExport,
  'reports.exports': reportsExports,
  'reports.verifyExport': reportsVerifyExport,
  'reports.overview': reportsOverview,
  'reports.drill': reportsDrill,
};
