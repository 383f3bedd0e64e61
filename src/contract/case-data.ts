// What each kind of case keeps in its `data`, shared by core (which writes it), the server (which
// hides a few fields) and the pages (which show it). Type aliases, not interfaces, so each is a
// plain record wherever a case of any kind is handled.
import type { AppealOutcome, BackupStorage, LadderStep, Penalty, Severity } from './model';

export type RenameData = {
  nickname: string;
  previous: string | null;
  groupName: string;
  subjectName: string;
  note?: string;
  reason?: string;
  requestId: string;
};

/** 入群任务 / 移出任务 / 昵称整改: a roster task an admin does by hand in WeChat. */
export type TaskData = {
  groupName: string;
  subjectName: string;
  /** What to do in WeChat, one sentence. */
  instruction: string;
  /** People alerted when the task is overdue twice (the leader, the department head). */
  escalateTo: string[];
  reason?: string;
  /** naming_fix: the nickname to set. */
  canonical?: string;
  /** offboard of a guest: the guest case it ends. */
  guestCaseId?: string;
  /** offboard of a departing employee: the departure that opened it. */
  departureId?: string;
};

export type GuestData = {
  groupName: string;
  subjectName: string;
  guestName: string;
  organisation: string;
  reason: string;
  endDate: string;
  /** Who may approve: the department head and the group's leaders at request time. */
  approvers: string[];
  guestPersonId?: string;
  rejectReason?: string;
  requestId: string;
};

export type AdminFilingData = {
  groupName: string;
  subjectName: string;
  /** appointed by the group creator, or elected by the members. */
  how: 'appointed' | 'elected';
  byName: string;
  electionCaseId?: string;
};

export type AdminChangeData = {
  groupName: string;
  subjectName: string;
  successorId: string;
  successorName: string;
  reason: string;
  requestId: string;
  rejectReason?: string;
};

export type ElectionData = {
  groupName: string;
  /** Members who may nominate, be nominated and vote: the roster when the election opened. */
  electorate: string[];
  names: Record<string, string>;
  candidates: string[];
  /** voter → candidate; never shown to others (the view shows the tally). */
  votes: Record<string, string>;
  nominationEndsAt: number;
  votingEndsAt: number | null;
  tied?: string[];
  winnerId?: string;
  requestId: string;
};

/** A granted backup as it was read at approval: its period and file never change. */
export type GrantedFile = {
  _id: string;
  from: string;
  to: string;
  storage: BackupStorage;
  fileId: string | null;
  fileName: string | null;
  location: string | null;
  sha256: string | null;
};

export type RecordAccessData = {
  groupName: string;
  subjectName: string;
  from: string;
  to: string;
  purpose: string;
  /** The pledge text the member ticked, as it read then. */
  pledge: string;
  requestId: string;
  /** Set on approval. */
  expiresAt?: number;
  backupIds?: string[];
  /** The granted backups as read at approval (cases approved before this field existed lack it). Never sent to a client. */
  files?: GrantedFile[];
  note?: string;
  reason?: string;
};

export type BackupDueData = {
  groupName: string;
  /** The day a backup was due, and the last covered day then (null: never backed up). */
  nextDue: string;
  lastCovered: string | null;
  overdueAfter: string;
};

export type DepartureData = {
  subjectName: string;
  deptName: string;
  /** The groups they were in when it was recorded, by name, and as one line for the case card. */
  groups: string[];
  groupName: string;
  reason?: string;
};

export type WechatTask = {
  action: 'remove' | 'readd';
  status: 'pending' | 'done' | 'cancelled';
  by: string | null;
  at: number | null;
  /** When the admins must have done it (working days from settings); absent on cases opened before. */
  dueAt?: number | null;
  /** 0 or absent: not overdue yet; 1: the admins reminded; 2: the leader alerted. */
  stage?: number;
};

/** A backup as the case cited it when the citation was made: frozen into the history, whatever later happens to the backup. */
export type CitedBackup = {
  backupId: string;
  groupName: string;
  from: string;
  to: string;
  storage: BackupStorage;
  sha256: string | null;
  location: string | null;
  citation: string;
};

/** An attached image's content check: 'pending' until WeChat's verdict arrives. */
export type MediaState = 'pending' | 'pass' | 'risky';

export type ViolationData = {
  requestId: string;
  groupName: string;
  subjectName: string;
  category: string;
  description: string;
  evidence: string[];
  /** Chat-record backups of the group cited as evidence (§6.2); absent on cases opened before. */
  backupIds?: string[];
  /** Each cited backup as it read when cited (absent on cases opened before: then read afresh). */
  citations?: CitedBackup[];
  /** The content check of each attached image by file id (absent: attached before images were checked). */
  media?: Record<string, MediaState>;
  severity: Severity;
  proposed: LadderStep;
  proposalReasons: string[];
  priorCount: number;
  /** The step the admin chose (the proposed one, or a lighter one with `lighterReason`). */
  step: LadderStep;
  lighterReason: string | null;
  /** Who decided the penalty now under appeal: the admin, or the leader for a measure. */
  decidedBy: string;
  /** What the member has now; 'pending' while the leader has not decided a referral. */
  penalty: Penalty | 'pending';
  measureReason: string | null;
  /** Leaders the removal was filed with (备案). */
  filedWith: string[];
  appealDeadline: number | null;
  appeal: { reasons: string; evidence: string[]; at: number; reviewers: string[] } | null;
  answer: { outcome: AppealOutcome; finding: string; by: string; at: number; penalty: Penalty } | null;
  escalateDeadline: number | null;
  escalation: { reasons: string; at: number } | null;
  ruling: { outcome: AppealOutcome; finding: string; by: string; at: number; penalty: Penalty } | null;
  task: WechatTask | null;
};

/** One assignment of an emergency, with its own state and wall-clock times. */
export type EmergencyAssignment = {
  personId: string;
  name: string;
  task: string;
  /** alerted: waiting for 接收; acknowledged: at work, progress due; done: reported done; replaced: 转派 to someone else. */
  status: 'alerted' | 'acknowledged' | 'done' | 'replaced';
  assignedAt: number;
  /** While alerted: when its next ladder step falls due (the reminder, then the escalation); null once escalated. */
  ackDueAt: number | null;
  /** 0: nothing sent yet; 1: reminded; 2: the starter and the leader alerted. */
  ackStage: number;
  ackedAt: number | null;
  /** While acknowledged: when the next 进展 is due (the task's response deadline, then one response window after each report). */
  progressDueAt: number | null;
  lastProgress: { at: number; note: string } | null;
  doneAt: number | null;
  doneNote: string | null;
  /** How often it went quiet past its progress deadline and was re-opened. */
  reopened: number;
  /** The notification that gave the task (who was reached: emergencies.reach). */
  noticeId: string;
  /** Replaced: who took the task over. */
  replacedBy?: string;
};

/** An emergency (§5.3): runs on the wall clock, not on working days. */
export type EmergencyData = {
  groupName: string;
  starterName: string;
  title: string;
  description: string;
  images: string[];
  /** The content check of each image by file id (server/reads/files.ts). */
  media?: Record<string, MediaState>;
  respondWithinMinutes: number;
  ackWithinMinutes: number;
  /** The response deadline: the start plus respondWithinMinutes. */
  respondBy: number;
  /** Every member alerted at the start → the id of that alert's notification. */
  alerts: Record<string, string>;
  assignments: EmergencyAssignment[];
  summary: string | null;
  requestId: string;
};

/** Who feedback was forwarded to: a department head (any department) or the group's leader. */
export type FeedbackReceiver = { personId: string; name: string; role: string };

/** Member feedback (§3.2). The sender is the case's subject; to whom it is shown is the server's (views). */
export type FeedbackData = {
  groupName: string;
  senderName: string;
  category: string;
  text: string;
  /** 对处理部门匿名: only the sender and the group's admins may learn who sent it. */
  anonymous: boolean;
  images: string[];
  media?: Record<string, MediaState>;
  /** Members who seconded it (附议); shown as a count. */
  seconders: string[];
  forwardedTo: FeedbackReceiver | null;
  forwardNote: string | null;
  answer: { text: string; by: string; byName: string; at: number } | null;
  followUp: { text: string; at: number } | null;
  requestId: string;
};

/** Each kind's stored data. */
export type CaseDataByKind = {
  rename: RenameData;
  naming_fix: TaskData;
  onboard: TaskData;
  offboard: TaskData;
  guest: GuestData;
  admin_filing: AdminFilingData;
  admin_change: AdminChangeData;
  election: ElectionData;
  record_access: RecordAccessData;
  backup_due: BackupDueData;
  departure: DepartureData;
  violation: ViolationData;
  emergency: EmergencyData;
  feedback: FeedbackData;
};

// --- What a reader sees of each kind's data (CaseView.data) ---
// The stored data minus what the server keeps to itself (every kind's requestId, and the fields
// src/server/cases/kinds.ts declares `hidden`), plus what it computes for the reader. Keep these in
// step with src/server/reads/views.ts, which builds them.

export type RenameViewData = Omit<RenameData, 'requestId'>;
export type TaskViewData = TaskData;
export type GuestViewData = Omit<GuestData, 'requestId'>;
export type AdminFilingViewData = AdminFilingData;
export type AdminChangeViewData = Omit<AdminChangeData, 'requestId'>;

/** A secret ballot: the tally and who has voted how many times, never who voted for whom. */
export type ElectionViewData = Omit<ElectionData, 'requestId' | 'votes' | 'electorate'> & {
  /** Candidate → votes so far. */
  tally: Record<string, number>;
  /** How many have voted. */
  voted: number;
  electorateSize: number;
  /** The reader's own vote, if they cast one. */
  myVote: string | null;
};

/** The granted files' storage ids stay on the server: the grant page lists the files. */
export type RecordAccessViewData = Omit<RecordAccessData, 'requestId' | 'files'>;
export type BackupDueViewData = BackupDueData;
export type DepartureViewData = DepartureData;

/** Evidence and cited backups reach the reader as expiring links and citations (CaseView.links, .citations). */
export type ViolationViewData = Omit<ViolationData, 'requestId' | 'evidence' | 'backupIds' | 'citations' | 'media' | 'appeal'> & {
  /** The appeal without its images' file ids (they are CaseView.links.appealEvidence). */
  appeal: Omit<NonNullable<ViolationData['appeal']>, 'evidence'> | null;
  /** Why the member can no longer appeal, at the time of reading; null while they can. */
  appealClosedReason: string | null;
};

/** Images reach the reader as links (CaseView.links.images); who was reached is emergencies.reach. */
export type EmergencyViewData = Omit<EmergencyData, 'requestId' | 'images' | 'media' | 'alerts'> & {
  alertedCount: number;
  /** The reader's own task, if they have one (the last one given to them). */
  mine: EmergencyAssignment | null;
};

/** What the reader may know of feedback: the sender only where they may (see FeedbackData.anonymous). */
export type FeedbackViewData = {
  groupName: string;
  category: string;
  text: string;
  anonymous: boolean;
  /** Who sent it; null for a reader who may not know (an anonymous sender, read by anyone but them and the group's admins). */
  sender: { id: string; name: string } | null;
  /** The reader sent it. */
  mine: boolean;
  seconds: number;
  secondedByMe: boolean;
  forwardedTo: { id: string; name: string; role: string } | null;
  forwardNote: string | null;
  answer: { text: string; byName: string; at: number } | null;
  followUp: { text: string; at: number } | null;
};

/** Each kind's data as a reader sees it. */
export type CaseViewDataByKind = {
  rename: RenameViewData;
  naming_fix: TaskViewData;
  onboard: TaskViewData;
  offboard: TaskViewData;
  guest: GuestViewData;
  admin_filing: AdminFilingViewData;
  admin_change: AdminChangeViewData;
  election: ElectionViewData;
  record_access: RecordAccessViewData;
  backup_due: BackupDueViewData;
  departure: DepartureViewData;
  violation: ViolationViewData;
  emergency: EmergencyViewData;
  feedback: FeedbackViewData;
};
