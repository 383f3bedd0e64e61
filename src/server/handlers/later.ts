// The handlers of rarely used actions, loaded together on the first call of any of them (index.ts):
// in the cloud bundle this is one file beside index.js.
export { reportsDrill, reportsOverview } from './reports';
export { casesSearch } from './cases-search';
export { auditVerify } from './audit-verify';
export { backupsRegister } from './backups-register';
export { backupsVerify } from './backups-verify';
export { backupsGet, backupsList } from './backups-list';
export { backupsCite } from './backups-cite';
export { departmentsCreate, departmentsSetHead, orgOverview, peopleAdd, peopleSetPublisher } from './org-admin';
export { settingsGet, settingsUpdate } from './settings';
export { emergenciesAcknowledge, emergenciesActive, emergenciesAssign, emergenciesClose, emergenciesForm, emergenciesProgress, emergenciesReach, emergenciesReassign, emergenciesStart } from './emergencies';
export { feedbackAnswer, feedbackFollowUp, feedbackForm, feedbackForward, feedbackResolve, feedbackSecond, feedbackSimilar, feedbackSubmit } from './feedback';
export { electionsDecideTie, electionsNominate, electionsOpen, electionsVote } from './elections';
export { guestsDecide, guestsRequest } from './guests';
export { adminsApplyChange, adminsAppoint, adminsDecideChange } from './admins';
export { peopleOffboard, peopleOnboard } from './joining';
export { recordsRequest } from './records-request';
export { recordsApprove, recordsReject, recordsRevoke, recordsWithdraw } from './records-decide';
export { recordsGrant, recordsLink } from './records-grant';
export { recordsLog } from './records-log';
export { violationForm } from './violation-form';
export { violationOpen } from './violation-open';
export { violationAccept, violationAnswer, violationAppeal, violationConfirmTask, violationDecideMeasure, violationEscalate, violationRule } from './violation-decide';
export { delegationsClear, delegationsMine, delegationsSet } from './delegations';
export { casesHandOver } from './hand-over';
export { casesNudge } from './nudge';
export { inboxDecideMany } from './decide-many';
