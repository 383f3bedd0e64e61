// Screen-level answers: each tab page (and the case page, through cases.get) opens with one call
// that returns everything it shows. A tap that changes something answers with the changed case's
// view (or the grants), which the screen folds in, so no second call follows it.
import type { CaseView, Page, WhoAmI } from './model';
import type { NoticeView } from './notices';
import type { Role } from './roles';

/** 首页. */
export interface HomeScreen {
  me: WhoAmI;
  /** 我的事项: the first page, newest change first. */
  cases: Page<CaseView>;
  /** Unread 站内消息. */
  unread: number;
  /** 待确认的通知, as notices.list scope 'mine' answers it. */
  notices: Page<NoticeView> & { pending: number };
  /** Emergencies in progress in my groups, mine to act on first (emergencies.active). */
  emergencies: CaseView[];
}

/** 待办. */
export interface InboxScreen {
  roles: Role[];
  /** The first page of inbox.list; null for someone nothing can wait on (a member only). */
  inbox: Page<CaseView> | null;
}

/** 我的. */
export interface MeScreen {
  me: WhoAmI;
  unread: number;
}

/** How many 首页 and 待办 show on their first page. */
export const SCREEN_PAGE = 20;
