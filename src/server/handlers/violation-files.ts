// Evidence images arrive as ids of files already uploaded to storage: only the caller's own recorded
// uploads (reads/files.ts checkOwnFiles), with each one's content check as it stands.
import type { Failure, MediaState } from '../../contract';
import type { HandlerCtx } from '../context';
import { checkOwnFiles, mediaStates } from '../reads/files';

export async function checkFiles(ctx: HandlerCtx, ids: string[] | undefined): Promise<{ fileIds: string[]; media: Record<string, MediaState> } | Failure> {
  const own = await checkOwnFiles(ctx, ids);
  if (!Array.isArray(own)) return own;
  return { fileIds: own.map((u) => u.fileId), media: mediaStates(own) };
}
