// Emergencies (§5.3) and member feedback (§3.2): what their forms and side reads answer. Both are
// cases (CaseView of kind 'emergency' / 'feedback'); their data shapes live in case-data.ts.
import type { PersonRef } from './model';

export const EMERGENCY_TITLE_MAX = 30;
export const EMERGENCY_TASK_MAX = 40;
export const EMERGENCY_ASSIGNMENTS_MAX = 20;
export const FEEDBACK_TEXT_MAX = 500;

/** The start form of an emergency in one group. */
export interface EmergencyForm {
  group: { id: string; name: string };
  /** Members who may be given a task (the group's roster, leaders included). */
  members: PersonRef[];
  respondMinutes: number;
  ackMinutes: number;
}

/** Who the emergency's alerts reached by WeChat push, and who only in the app (the starter's view). */
export interface EmergencyReach {
  /** Pushed as a subscription message. */
  reached: PersonRef[];
  /** Not pushed (no subscription grant, or the push failed): they see it only when they open the app. */
  notReached: PersonRef[];
  /** Still being delivered. */
  pending: PersonRef[];
  /** "@昵称 …" of those not reached, to paste into the WeChat group. */
  mentionText: string;
}

/** A person feedback may be forwarded to, with why they qualify. */
export interface FeedbackReceiverOption {
  id: string;
  name: string;
  /** "市场部负责人" or "上级领导". */
  role: string;
}

export interface FeedbackForm {
  group: { id: string; name: string };
  categories: string[];
  /** Who the group's admins may forward to (empty for anyone else). */
  receivers: FeedbackReceiverOption[];
}

/** Open feedback of the group that reads like the draft: it can be seconded instead (附议). */
export interface FeedbackSimilarItem {
  caseId: string;
  category: string;
  text: string;
  stateLabel: string;
  seconds: number;
  /** Percent, trigram similarity of the normalised texts. */
  similarity: number;
  /** The reader sent it, or has seconded it already. */
  mine: boolean;
  secondedByMe: boolean;
}
