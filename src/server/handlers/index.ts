// One handler per action; the type makes a missing one a compile error.
import type { ActionInput, ActionName, ActionResult, Result } from '../../contract';
import type { HandlerCtx } from '../context';
import { adminsApplyChange, adminsAppoint, adminsDecideChange } from './admins';
import { casesGet, casesMine, inboxList } from './cases';
import { inboxDecideMany } from './decide-many';
import { delegationsClear, delegationsMine, delegationsSet } from './delegations';
import { casesHandOver } from './hand-over';
import { casesNudge } from './nudge';
import { casesSearch } from './cases-search';
import { electionsDecideTie, electionsNominate, electionsOpen, electionsVote } from './elections';
import { groupsBindWechat, groupsCreate, groupsEnter, groupsRoster, rosterAskFix } from './groups';
import { guestsDecide, guestsRequest } from './guests';
import { invitationsAccept, invitationsCreate, type UnboundCtx } from './invitations';
import { peopleOffboard, peopleOnboard } from './joining';
import { backupsCite } from './backups-cite';
import { backupsGet, backupsList } from './backups-list';
import { backupsRegister } from './backups-register';
import { backupsVerify } from './backups-verify';
import { recordsApprove, recordsReject, recordsRevoke, recordsWithdraw } from './records-decide';
import { recordsGrant, recordsLink } from './records-grant';
import { recordsLog } from './records-log';
import { recordsRequest } from './records-request';
import { notificationsList, notificationsRead } from './notifications';
import { departmentsCreate, departmentsSetHead, orgOverview, peopleAdd, peopleSetPublisher } from './org-admin';
import { renameApprove, renameReject, renameWithdraw } from './rename-decide';
import { renamePreview } from './rename-preview';
import { homeLoad, inboxLoad, meLoad } from './screens';
import { renameSubmit } from './rename-submit';
import { noticesAcknowledge, noticesCorrect, noticesForm, noticesGet, noticesList, noticesPreview, noticesPublish, noticesReceipts, noticesWithdraw } from './notices';
import { settingsGet, settingsUpdate } from './settings';
import { auditVerify } from './audit-verify';
import { filesRecord } from './files-record';
import { subscriptionsRecord } from './subscriptions';
import { casesAcknowledge, tasksConfirm } from './tasks';
import {
  violationAccept,
  violationAnswer,
  violationAppeal,
  violationConfirmTask,
  violationDecideMeasure,
  violationEscalate,
  violationRule,
} from './violation-decide';
import { violationForm } from './violation-form';
import { violationOpen } from './violation-open';
import { whoami } from './whoami';
import { reportsExport, reportsExports, reportsVerifyExport } from './reports-export';
import { reportsDrill, reportsOverview } from './reports';
import {
  emergenciesAcknowledge,
  emergenciesActive,
  emergenciesAssign,
  emergenciesClose,
  emergenciesForm,
  emergenciesProgress,
  emergenciesReach,
  emergenciesReassign,
  emergenciesStart,
} from './emergencies';
import { feedbackAnswer, feedbackFollowUp, feedbackForm, feedbackForward, feedbackResolve, feedbackSecond, feedbackSimilar, feedbackSubmit } from './feedback';

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
