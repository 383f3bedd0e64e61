// The verdict of an image's content check, pushed by WeChat to the `api` function (message push,
// event wxa_media_check) or sent the same way by the local rule. It is matched to an upload by its
// trace id, which only this deployment ever saw (the function asked for the check and kept the id
// server-side), so a client forging such an event cannot name an upload. Until the verdict an image
// is shown only to its uploader and the admins; a risky one is hidden on every case and notice that
// attaches it.
import type { MediaVerdictDoc } from '../../core/model';
import { dispatchAll } from '../cases/commit';
import { applyMediaVerdicts } from '../cases/media';
import type { Deps, MediaCheckPush } from '../ports';
import { applyNoticeMediaVerdicts } from './notices-media';

const TRACE = /^[A-Za-z0-9_-]{1,128}$/;

/** Whether a function's event is a media check push rather than an action. */
export function isMediaCheckPush(event: unknown): event is MediaCheckPush {
  if (typeof event !== 'object' || event === null) return false;
  const e = event as Record<string, unknown>;
  return e.Event === 'wxa_media_check' && typeof e.trace_id === 'string';
}

/** pass or risky ('review' is kept out too: nobody here reviews by hand); null when WeChat could not check. */
function verdictOf(push: MediaCheckPush): MediaVerdictDoc['suggest'] | null {
  const s = push.result?.suggest;
  if (s === 'pass') return 'pass';
  if (s === 'risky' || s === 'review') return 'risky';
  return null;
}

export type PushOutcome = 'applied' | 'waiting' | 'ignored';

/**
 * Record the verdict under its trace id, then set it on the upload and on every case that attaches
 * it. 'waiting': no upload has that trace (yet): recordUpload picks it up when it writes the record.
 */
export async function receiveMediaVerdict(deps: Deps, push: MediaCheckPush): Promise<PushOutcome> {
  const { store } = deps;
  const verdict = verdictOf(push);
  if (!TRACE.test(push.trace_id) || !verdict) {
    console.error('media check push ignored', JSON.stringify(push).slice(0, 300));
    return 'ignored';
  }
  const now = deps.clock.now();
  const label = String(push.result?.label ?? '');
  // First the verdict by its trace, then the upload: recordUpload does the opposite order, so one of
  // the two always sees the other's write.
  await store.putMediaVerdict({ _id: push.trace_id, suggest: verdict, label, at: now });
  const upload = await store.setUploadVerdict(push.trace_id, { status: verdict, traceId: push.trace_id, label, at: now });
  if (!upload) return 'waiting';
  for (const ref of upload.usedBy) {
    if (ref.startsWith('notice:')) await applyNoticeMediaVerdicts(deps, ref.slice('notice:'.length), [upload], now);
    // Backups are chat exports, never images sent to the check.
    if (!ref.startsWith('case:')) continue;
    await dispatchAll(deps, await applyMediaVerdicts(deps, ref.slice('case:'.length), [upload], now));
  }
  return 'applied';
}
