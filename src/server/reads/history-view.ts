// One history entry as a reader sees it, for a case's trail and a backup's alike: people as names,
// the action under the label its owner's table gives it.
import type { HistoryView, PersonRef } from '../../contract';
import type { HistoryEntry } from '../../core/model';

export function historyView(h: HistoryEntry, ref: (id: string) => PersonRef, labels: Record<string, string>): HistoryView {
  return {
    seq: h.seq,
    at: h.at,
    by: h.by ? ref(h.by) : null,
    action: h.action,
    actionLabel: labels[h.action] ?? h.action,
    from: h.from,
    to: h.to,
    ...(h.note ? { note: h.note } : {}),
    dueAt: h.dueAt,
    ...(h.onBehalfOf ? { onBehalfOf: ref(h.onBehalfOf) } : {}),
    ...(h.target ? { target: ref(h.target) } : {}),
  };
}
