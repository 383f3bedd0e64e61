// What may be shared into a WeChat chat (转发), decided once per case kind: only where the card and the
// page it opens reveal nothing private. Whoever opens a card without the right to see the case gets
// 你无权查看 (the server answers NOT_FOUND), never its content.
import type { CaseKind, CaseView } from '../../contract';
import { routes } from './routes';

/** true: the case can be shared (the reasons are comments: this table ships in the main package). */
export const CASE_SHARING: Record<CaseKind, boolean> = {
  rename: true, // only a group nickname, public in the group anyway; often sent to the admin as a reminder
  election: true, // belongs to every member of the group: shared to remind them to vote
  emergency: true, // the whole group was alerted already: shared to rally a response
  violation: false, // a person's penalty: never
  feedback: false, // may be anonymous: a card would expose the sender
  record_access: false, // reading chat records is a confidential request
  departure: false, // personnel record
  offboard: false, // tells that someone leaves or is removed
  onboard: false, // personal details, for the admins who add the person
  naming_fix: false, // names a person whose nickname is wrong
  guest: false, // the outsider's organisation and purpose
  admin_filing: false, // filed with the leader only
  admin_change: false, // the reason may judge a person
  backup_due: false, // an admin's task
};

export interface ShareCard {
  title: string;
  path: string;
}

/** The card for a case, or null where it must not be shared. The path opens the case page, which sends each person on to what they may see. */
export function caseShareCard(c: Pick<CaseView, 'id' | 'kind' | 'kindLabel' | 'title' | 'group'>): ShareCard | null {
  if (!CASE_SHARING[c.kind as CaseKind]) return null;
  const title = c.kind === 'emergency' ? `【紧急事件】${c.title}` : `${c.group.name}：${c.kindLabel}`;
  return { title, path: routes.case(c.id) };
}

/** A group's page shows its roster only to its members, admins, leaders and department heads. */
export function groupShareCard(g: { id: string; name: string }): ShareCard {
  return { title: `「${g.name}」群名册`, path: routes.group(g.id) };
}
