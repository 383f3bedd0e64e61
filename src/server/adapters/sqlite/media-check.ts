// The local stand-in for security.mediaCheckAsync: a small rule (an image whose name, or any text in
// its bytes, holds a clearly prohibited phrase is risky), answered the way WeChat answers: a trace id
// now, the verdict later as the same push the cloud function receives.
import { randomUUID } from 'node:crypto';
import type { MediaCheck, MediaCheckPush } from '../../ports';
import { checkLocally } from './content-check';

export interface LocalMediaCheckOptions {
  read(fileId: string): Promise<Buffer | null>;
  /** The name the file was uploaded with, if known. */
  name?(fileId: string): string | null;
  /** Where the verdict goes: the same handler WeChat's push reaches. */
  deliver(push: MediaCheckPush): Promise<unknown>;
  /** Milliseconds before the verdict arrives; 'now': before submit answers (tests). */
  delay: number | 'now';
}

/** The rule's verdict on an image. */
export async function localImageVerdict(bytes: Buffer | null, name: string | null): Promise<{ suggest: 'pass' | 'risky'; label: string }> {
  // Text chunks (PNG tEXt, JPEG comments) and the name are what a rule can read without a model.
  const text = `${name ?? ''}\n${bytes ? bytes.subarray(0, 256 * 1024).toString('utf8') : ''}`;
  const v = checkLocally(text);
  return v.pass ? { suggest: 'pass', label: '100' } : { suggest: 'risky', label: v.label };
}

export function createLocalMediaCheck(o: LocalMediaCheckOptions): MediaCheck {
  return {
    async submit(fileId) {
      const traceId = `local-${randomUUID()}`;
      const send = async () => {
        const { suggest, label } = await localImageVerdict(await o.read(fileId), o.name?.(fileId) ?? null);
        await o.deliver({ MsgType: 'event', Event: 'wxa_media_check', trace_id: traceId, version: 2, result: { suggest, label } });
      };
      if (o.delay === 'now') await send();
      else setTimeout(() => void send().catch((err) => console.error('local media check failed', err)), o.delay);
      return { traceId };
    },
  };
}
