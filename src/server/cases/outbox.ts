// Notifications leave a case through its outbox: written with the case in one write, then
// delivered here — an in-app copy (exactly once: its id is the outbox entry's id) and, where the
// person holds a one-time grant, a subscription message. What fails stays for the scheduler.
import type { TemplateField, TemplateSource } from '../../contract';
import { DEFAULT_TEMPLATE_FIELDS, keywordType, TEMPLATE_PURPOSE_WORDS, templateFieldsFor } from '../../contract/template-keywords';
import type { NoticeEntry, NotificationDoc } from '../../core/model';
import { formatShanghai } from '../../core/time';
import type { Deps, SubscriptionMessage } from '../ports';
import { currentSettings } from '../reads/settings';

/** Limits of subscription-message fields: a longer value is refused with 47003. */
const THING_MAX = 20;
const NO_GRANT = 43101;
/**
 * Errors that will not get better by retrying: keep the in-app copy, stop pushing. 40037 is a
 * template id WeChat does not know (a settings mistake): retrying would only spend the grant again.
 */
const PERMANENT = new Set([NO_GRANT, 47003, 41030, 40003, 40037]);

export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Cut to at most `max` characters without adding any (name and phrase take only their own kind). */
const cut = (text: string, max: number) => [...text].slice(0, max).join('');

/**
 * The template's data: each keyword filled from its source and kept within its type's limits
 * (settings map purpose → keys; without a mapping, thing1 事项, thing2 说明, time3 时间).
 */
export function templateData(e: NoticeEntry, fields: TemplateField[] = DEFAULT_TEMPLATE_FIELDS, recipient = ''): SubscriptionMessage['data'] {
  const text: Record<Exclude<TemplateSource, 'time'>, string> = {
    title: e.title,
    body: e.body,
    purpose: TEMPLATE_PURPOSE_WORDS[e.purpose] ?? '提醒',
    recipient,
  };
  const data: SubscriptionMessage['data'] = {};
  for (const { key, source } of fields) {
    const type = keywordType(key)?.type;
    let value: string;
    if (source === 'time') value = formatShanghai(e.createdAt, type === 'date' ? 'YYYY年M月D日' : 'YYYY-MM-DD HH:mm');
    else if (type === 'phrase') value = cut(text[source].replace(/[^\p{Script=Han}]/gu, ''), 5);
    else if (type === 'name') value = cut(text[source], /\p{Script=Han}/u.test(text[source]) ? 10 : 20);
    else value = clip(text[source], THING_MAX);
    data[key] = { value };
  }
  return data;
}

export type Delivery = 'done' | 'retry';

export async function deliver(deps: Deps, caseId: string | null, e: NoticeEntry): Promise<Delivery> {
  const { store, notifier, clock } = deps;
  const doc = (push: NotificationDoc['push']): NotificationDoc => ({
    _id: e.id,
    to: e.to,
    caseId,
    purpose: e.purpose,
    title: e.title,
    body: e.body,
    page: e.page,
    createdAt: e.createdAt,
    read: false,
    push,
  });
  // Settle the push first where it cannot happen, so the in-app copy is written once, final.
  const [person, settings] = await Promise.all([store.getPerson(e.to), currentSettings(store)]);
  const templateId = settings.values.templates[e.purpose];
  const now = clock.now();
  if (!person?.openid || !templateId || person.status === 'left') {
    await store.insertNotification(doc('none'));
    return 'done';
  }
  if (!(await store.takeGrant(person._id, templateId, now))) {
    await store.insertNotification(doc('no_grant'));
    return 'done';
  }
  if (!(await store.insertNotification(doc('pending')))) {
    // Delivered before (a retry): push only if that earlier attempt never finished.
    const earlier = await store.getNotification(e.id);
    if (earlier && earlier.push !== 'pending') {
      await store.addGrants(person._id, templateId, 1, now);
      return 'done';
    }
  }
  let result;
  try {
    result = await notifier.send({ touser: person.openid, templateId, page: e.page, data: templateData(e, templateFieldsFor(settings.values, e.purpose), person.name) });
  } catch (err) {
    // Not sent, so WeChat did not use the grant up: give it back and try again later.
    await store.addGrants(person._id, templateId, 1, now);
    return 'retry';
  }
  if (result.ok) {
    await store.setNotificationPush(e.id, 'sent');
    return 'done';
  }
  if (result.errCode === NO_GRANT) {
    await store.clearGrants(person._id, templateId, now);
    await store.setNotificationPush(e.id, 'no_grant', `${result.errCode} ${result.errMsg}`);
    return 'done';
  }
  await store.addGrants(person._id, templateId, 1, now);
  if (PERMANENT.has(result.errCode)) {
    await store.setNotificationPush(e.id, 'failed', `${result.errCode} ${result.errMsg}`);
    return 'done';
  }
  return 'retry';
}
