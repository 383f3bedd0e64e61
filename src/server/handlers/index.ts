// One handler per action; the type makes a missing one a compile error.
import type { ActionInput, ActionName, ActionResult, Result } from '../../contract';
import type { HandlerCtx } from '../context';
import { backupsCite } from './backups-cite';
import { backupsGet, backupsList } from './backups-list';
import { backupsRegister } from './backups-register';
import { backupsVerify } from './backups-verify';
import { casesGet, casesMine, inboxList } from './cases';
import { recordsApprove, recordsReject, recordsRevoke, recordsWithdraw } from './records-decide';
import { recordsGrant, recordsLink } from './records-grant';
import { recordsLog } from './records-log';
import { recordsRequest } from './records-request';
import { notificationsList, notificationsRead } from './notifications';
import { renameApprove, renameReject, renameWithdraw } from './rename-decide';
import { renamePreview } from './rename-preview';
import { renameSubmit } from './rename-submit';
import { settingsGet, settingsUpdate } from './settings';
import { subscriptionsRecord } from './subscriptions';
import { whoami } from './whoami';

export type Handler<A extends ActionName> = (ctx: HandlerCtx, input: ActionInput<A>) => Promise<Result<ActionResult<A>>>;

export const handlers: { [A in ActionName]: Handler<A> } = {
  'session.whoami': whoami,
  'rename.preview': renamePreview,
  'rename.submit': renameSubmit,
  'rename.withdraw': renameWithdraw,
  'rename.approve': renameApprove,
  'rename.reject': renameReject,
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
  'cases.mine': casesMine,
  'cases.get': casesGet,
  'inbox.list': inboxList,
  'notifications.list': notificationsList,
  'notifications.read': notificationsRead,
  'subscriptions.record': subscriptionsRecord,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
};
