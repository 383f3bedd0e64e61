// Evidence images arrive as ids of files already uploaded to storage: accept only ours, and only existing ones.
import { fail, type Failure } from '../../contract';
import type { HandlerCtx } from '../context';

export async function checkFiles(ctx: HandlerCtx, ids: string[] | undefined): Promise<string[] | Failure> {
  const unique = [...new Set(ids ?? [])];
  for (const id of unique) {
    if (!ctx.deps.files.owns(id) || !(await ctx.deps.files.read(id))) return fail('EVIDENCE_INVALID');
  }
  return unique;
}
