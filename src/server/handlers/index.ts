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

const { reportsDrill, reportsOverview } = onFirstCall(() => import('./reports'), 'reportsDrill', 'reportsOverview');
const { reportsExport, reportsExports, reportsVerifyExport } = onFirstCall(() => import('./reports-export'), 'reportsExport', 'reportsExports', 'reportsVerifyExport');
const { casesSearch } = onFirstCall(() => import('./cases-search'), 'casesSearch');
const { auditVerify } = onFirstCall(() => import('./audit-verify'), 'auditVerify');
const { backupsRegister } = onFirstCall(() => import('./backups-register'), 'backupsRegister');
const { backupsVerify } = onFirstCall(() => import('./backups-verify'), 'backupsVerify');
const { backupsGet, backupsList } = onFirstCall(() => import('./backups-list'), 'backupsGet', 'backupsList');
const { backupsCite } = onFirstCall(() => import('./backups-cite'), 'backupsCite');
const { departmentsCreate, departmentsSetHead, orgOverview, peopleAdd, peopleSetPublisher } = onFirstCall(() => import('./org-admin'), 'departmentsCreate', 'departmentsSetHead', 'orgOverview', 'peopleAdd', 'peopleSetPublisher');
const { settingsGet, settingsUpdate } = onFirstCall(() => import('./settings'), 'settingsGet', 'settingsUpdate');
const { emergenciesAcknowledge, emergenciesActive, emergenciesAssign, emergenciesClose, emergenciesForm, emergenciesProgress, emergenciesReach, emergenciesReassign, emergenciesStart } = onFirstCall(() => import('./emergencies'), 'emergenciesAcknowledge', 'emergenciesActive', 'emergenciesAssign', 'emergenciesClose', 'emergenciesForm', 'emergenciesProgress', 'emergenciesReach', 'emergenciesReassign', 'emergenciesStart');
const { feedbackAnswer, feedbackFollowUp, feedbackForm, feedbackForward, feedbackResolve, feedbackSecond, feedbackSimilar, feedbackSubmit } = onFirstCall(() => import('./feedback'), 'feedbackAnswer', 'feedbackFollowUp', 'feedbackForm', 'feedbackForward', 'feedbackResolve', 'feedbackSecond', 'feedbackSimilar', 'feedbackSubmit');
const { electionsDecideTie, electionsNominate, electionsOpen, electionsVote } = onFirstCall(() => import('./elections'), 'electionsDecideTie', 'electionsNominate', 'electionsOpen', 'electionsVote');
const { guestsDecide, guestsRequest } = onFirstCall(() => import('./guests'), 'guestsDecide', 'guestsRequest');
const { adminsApplyChange, adminsAppoint, adminsDecideChange } = onFirstCall(() => import('./admins'), 'adminsApplyChange', 'adminsAppoint', 'adminsDecideChange');
const { peopleOffboard, peopleOnboard } = onFirstCall(() => import('./joining'), 'peopleOffboard', 'peopleOnboard');
const { recordsRequest } = onFirstCall(() => import('./records-request'), 'recordsRequest');
const { recordsApprove, recordsReject, recordsRevoke, recordsWithdraw } = onFirstCall(() => import('./records-decide'), 'recordsApprove', 'recordsReject', 'recordsRevoke', 'recordsWithdraw');
const { recordsGrant, recordsLink } = onFirstCall(() => import('./records-grant'), 'recordsGrant', 'recordsLink');
const { recordsLog } = onFirstCall(() => import('./records-log'), 'recordsLog');
const { violationForm } = onFirstCall(() => import('./violation-form'), 'violationForm');
const { violationOpen } = onFirstCall(() => import('./violation-open'), 'violationOpen');
const { violationAccept, violationAnswer, violationAppeal, violationConfirmTask, violationDecideMeasure, violationEscalate, violationRule } = onFirstCall(() => import('./violation-decide'), 'violationAccept', 'violationAnswer', 'violationAppeal', 'violationConfirmTask', 'violationDecideMeasure', 'violationEscalate', 'violationRule');
const { delegationsClear, delegationsMine, delegationsSet } = onFirstCall(() => import('./delegations'), 'delegationsClear', 'delegationsMine', 'delegationsSet');
const { casesHandOver } = onFirstCall(() => import('./hand-over'), 'casesHandOver');
const { casesNudge } = onFirstCall(() => import('./nudge'), 'casesNudge');
const { inboxDecideMany } = onFirstCall(() => import('./decide-many'), 'inboxDecideMany');

/**
 * The handlers of rarely used actions load on their first call: in the cloud bundle each such module
 * is a file of its own (scripts/build-cloud.mjs), so a cold instance compiles and runs only what the
 * common calls (screens, cases, notices, rename) need.
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
