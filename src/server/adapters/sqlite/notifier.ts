// The local notifier: keeps what WeChat would have pushed, for the host's outbox page.
import { randomUUID } from 'node:crypto';
import type { Notifier, SendResult, SubscriptionMessage } from '../../ports';
import { Collection, type Db } from './schema';

export interface PushRecord {
  /** Increasing with each push. */
  id: number;
  at: number;
  touser: string;
  templateId: string;
  page: string;
  data: SubscriptionMessage['data'];
}

export interface LocalNotifier extends Notifier {
  /** Newest first. */
  listPushes(limit: number): PushRecord[];
}

export function createLocalNotifier(db: Db, now: () => number = Date.now): LocalNotifier {
  const pushes = new Collection<Omit<PushRecord, 'id'> & { _id: string }>(db, 'pushes');
  // rowid grows with each insert (nothing is ever deleted), so it is the push's number.
  const list = db.prepare('SELECT rowid AS id, doc FROM pushes ORDER BY rowid DESC LIMIT ?');
  return {
    async send(msg: SubscriptionMessage): Promise<SendResult> {
      const _id = randomUUID();
      const doc = { _id, at: now(), touser: msg.touser, templateId: msg.templateId, page: msg.page, data: msg.data };
      pushes.insertStrict(doc);
      return { ok: true };
    },
    listPushes(limit: number): PushRecord[] {
      const rows = list.all(Math.max(0, Math.floor(limit))) as { id: number; doc: string }[];
      return rows.map((r) => {
        const d = JSON.parse(r.doc) as Omit<PushRecord, 'id'> & { _id: string };
        return { id: r.id, at: d.at, touser: d.touser, templateId: d.templateId, page: d.page, data: d.data };
      });
    },
  };
}
