// One handler per action; the type makes a missing one a compile error.
import type { ActionInput, ActionName, ActionResult, Result } from '../../contract';
import type { HandlerCtx } from '../context';
import { casesGet, casesMine, inboxList } from './cases';
import { notificationsList, notificationsRead } from './notifications';
import { renameApprove, renameReject, renameWithdraw } from './rename-decide';
import { renamePreview } from './rename-preview';
import { renameSubmit } from './rename-submit';
import { settingsGet, settingsUpdate } from './settings';
import { subscriptionsRecord } from './subscriptions';
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

export type Handler<A extends ActionName> = (ctx: HandlerCtx, input: ActionInput<A>) => Promise<Result<ActionResult<A>>>;

export const handlers: { [A in ActionName]: Handler<A> } = {
  'session.whoami': whoami,
  'rename.preview': renamePreview,
  'rename.submit': renameSubmit,
  'rename.withdraw': renameWithdraw,
  'rename.approve': renameApprove,
  'rename.reject': renameReject,
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
  'inbox.list': inboxList,
  'notifications.list': notificationsList,
  'notifications.read': notificationsRead,
  'subscriptions.record': subscriptionsRecord,
  'settings.get': settingsGet,
  'settings.update': settingsUpdate,
};
