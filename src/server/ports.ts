// The only doors to the outside world. Handlers see these interfaces; adapters implement them.
import type { Case, Department, GrantDoc, Group, Membership, NotificationDoc, Person, RosterEntry, SettingsDoc } from '../core/model';

export interface PageQuery {
  offset: number;
  limit: number;
}
export interface PageOf<T> {
  items: T[];
  total: number;
}

export interface Store {
  // People and organisation
  getPerson(id: string): Promise<Person | null>;
  getPeople(ids: string[]): Promise<Person[]>;
  getPersonByOpenid(openid: string): Promise<Person | null>;
  /** Everyone, by name (the local host's sign-in page; admin rosters). */
  listPeople(): Promise<Person[]>;
  /** All memberships of a person, any status. */
  listMembershipsOfPerson(personId: string): Promise<Membership[]>;
  /** Active memberships of a group joined with their people. */
  listRoster(groupId: string): Promise<RosterEntry[]>;
  getGroups(ids: string[]): Promise<Group[]>;
  listDepartments(): Promise<Department[]>;
  insertPerson(p: Person): Promise<void>;
  insertDepartment(d: Department): Promise<void>;
  insertGroup(g: Group): Promise<void>;
  /** Insert or replace one roster row (keyed by `${groupId}:${personId}`). */
  putMembership(m: Membership): Promise<void>;

  // Cases
  getCase(id: string): Promise<Case | null>;
  /** false when a case with this _id exists already (idempotent create). */
  insertCase(c: Case): Promise<boolean>;
  /** Replace the case only if its stored version is `expectedVersion`; stores version + 1. */
  updateCase(c: Case, expectedVersion: number): Promise<boolean>;
  /** Cases I opened or that are about me, newest change first. */
  listCasesOfPerson(personId: string, page: PageQuery): Promise<PageOf<Case>>;
  /** Open cases assigned to me, earliest deadline first (no deadline last). */
  listInbox(personId: string, page: PageQuery): Promise<PageOf<Case>>;
  /** Open cases of one kind about one subject in one group. */
  listOpenCases(kind: string, groupId: string, subjectId: string): Promise<Case[]>;
  /** Cases of one kind about one subject in one group opened at or after `since`, open or not, oldest first (the penalty ladder). */
  listCasesAbout(kind: string, groupId: string, subjectId: string, since: number): Promise<Case[]>;
  /** Open cases whose wakeAt ≤ now, earliest first. */
  listDueCases(now: number, limit: number): Promise<Case[]>;
  /** Cases with undispatched outbox entries. */
  listCasesWithOutbox(limit: number): Promise<Case[]>;

  // In-app notifications
  /** false when a notification with this _id exists already. */
  insertNotification(n: NotificationDoc): Promise<boolean>;
  getNotification(id: string): Promise<NotificationDoc | null>;
  setNotificationPush(id: string, push: NotificationDoc['push'], error?: string): Promise<void>;
  listNotifications(personId: string, page: PageQuery, unreadOnly: boolean): Promise<PageOf<NotificationDoc> & { unread: number }>;
  /** Marks only the person's own notifications; returns how many changed. */
  markNotificationsRead(personId: string, ids: string[]): Promise<number>;

  // Subscription grants (one-time, per person and template)
  listGrants(personId: string): Promise<GrantDoc[]>;
  addGrants(personId: string, templateId: string, n: number, now: number): Promise<number>;
  /** Use one grant if there is one: true when it was taken. */
  takeGrant(personId: string, templateId: string, now: number): Promise<boolean>;
  /** WeChat said there is none (43101): trust it. */
  clearGrants(personId: string, templateId: string, now: number): Promise<void>;

  // Settings, versioned: each change is a new document
  getSettings(version?: number): Promise<SettingsDoc | null>;
  /** false when that version exists already (someone else changed the settings first). */
  insertSettings(s: SettingsDoc): Promise<boolean>;
}

export interface SubscriptionMessage {
  touser: string; // OPENID
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}
export type SendResult = { ok: true } | { ok: false; errCode: number; errMsg: string };

export interface Notifier {
  /** subscribeMessage.send; errCode 43101 means the user holds no grant. */
  send(msg: SubscriptionMessage): Promise<SendResult>;
}

export type ContentVerdict = { pass: true } | { pass: false; label: string };
export interface ContentCheck {
  /** security.msgSecCheck v2 on WeChat. */
  check(text: string, openid: string, scene: 1 | 2 | 3 | 4): Promise<ContentVerdict>;
}

/**
 * Stored files (evidence images, chat-record backups). Uploads go from the client straight to storage
 * (wx.cloud.uploadFile / the local host's upload endpoint); functions only read and hand out links.
 */
export interface Files {
  /** Whether the id names a file in this deployment's storage, not a URL a client made up. */
  owns(fileId: string): boolean;
  /** The bytes, for a SHA-256 computed here and never taken from a client; null when missing. */
  read(fileId: string): Promise<Buffer | null>;
  /** A download link that stops working at `expiresAt` (UTC ms). */
  link(fileId: string, expiresAt: number): Promise<string>;
}

export interface Clock {
  now(): number;
}

export interface Deps {
  store: Store;
  notifier: Notifier;
  content: ContentCheck;
  files: Files;
  clock: Clock;
  /** OPENID of the org owner, set at deployment. */
  ownerOpenid: string | null;
  ids: () => string;
}
