import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiskFiles } from '../../src/server/adapters/sqlite';
import { createWechatFiles } from '../../src/server/adapters/wechat';
import { createHost, signSession } from '../../src/server/host/http';
import { demoOpenid } from '../../src/server/host/seed';
import { uploadKey } from '../../src/server/reads/files';
import { createFakeCloud } from './fakes/wx-db';
import { makeWorld, T0 } from './harness';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('files on the local host', () => {
  const files = createDiskFiles(mkdtempSync(join(tmpdir(), 'qw-files-')), 'secret');
  const id = files.save(Buffer.from('聊天记录 2026-11'), { name: '备份.txt', contentType: 'text/plain', uploadedBy: 'p1', uploadedAt: T0 });

  it('should own only its own ids and read their bytes', async () => {
    expect(files.owns(id)).toBe(true);
    expect(files.owns('local:../../etc/passwd')).toBe(false);
    expect(files.owns('https://example.invalid/a.pdf')).toBe(false);
    expect((await files.read(id))!.toString()).toBe('聊天记录 2026-11');
    expect(await files.read('local:0123456789abcdef0123456789abcdef')).toBeNull();
  });

  it('should let a link through until it expires and never when altered', async () => {
    const link = new URL(await files.link(id, T0 + 60_000), 'http://h');
    const key = link.pathname.split('/').pop()!;
    const exp = link.searchParams.get('exp');
    const sig = link.searchParams.get('sig');
    expect(files.verifyLink(key, exp, sig, T0)).toEqual({ ok: true, fileId: id });
    expect(files.verifyLink(key, exp, sig, T0 + 60_000)).toEqual({ ok: false, reason: 'expired' });
    expect(files.verifyLink(key, String(T0 + 3600_000), sig, T0)).toEqual({ ok: false, reason: 'forged' });
    expect(files.verifyLink(key, exp, `${sig}x`, T0)).toEqual({ ok: false, reason: 'forged' });
    const other = createDiskFiles(mkdtempSync(join(tmpdir(), 'qw-files-')), 'another-secret');
    expect(other.verifyLink(key, exp, sig, T0)).toEqual({ ok: false, reason: 'forged' });
  });
});

describe('files in WeChat cloud storage', () => {
  const cloud = createFakeCloud();
  const fileId = 'cloud://env-1a2b.7465-env-1a2b/backups/g1/2026-11.pdf';
  cloud.storage.set(fileId, Buffer.from('%PDF-1.7 记录'));
  const files = createWechatFiles(cloud, () => T0);

  it('should own only cloud file ids', () => {
    expect(files.owns(fileId)).toBe(true);
    expect(files.owns('https://example.invalid/x.pdf')).toBe(false);
    expect(files.owns('local:0123456789abcdef0123456789abcdef')).toBe(false);
  });

  it('should read the stored bytes itself and say null for a missing file', async () => {
    expect(sha((await files.read(fileId))!)).toBe(sha(Buffer.from('%PDF-1.7 记录')));
    expect(await files.read('cloud://env-1a2b.7465-env-1a2b/missing.pdf')).toBeNull();
  });

  it('should ask for a temp URL that lives exactly until the expiry', async () => {
    const url = await files.link(fileId, T0 + 600_000);
    expect(url).toContain('t=600');
    await expect(files.link(fileId, T0)).rejects.toThrow();
  });
});

describe('the host upload and download endpoints', () => {
  it('should take an upload only from a signed-in person and serve it behind an expiring link', async () => {
    const w = await makeWorld();
    const downloads: [string, string | null][] = [];
    const server = createHost({ deps: w.deps, secret: 's', files: w.files, listPushes: () => [], onFileDownload: (f, o) => void downloads.push([f, o]) });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const bytes = Buffer.from('微信群聊天记录导出\n'.repeat(100));
      const form = () => {
        const f = new FormData();
        f.append('file', new Blob([bytes], { type: 'text/plain' }), '项目A群-2026-11.txt');
        return f;
      };
      const anonymous = await fetch(`${base}/files/upload`, { method: 'POST', body: form() });
      expect(anonymous.status).toBe(401);

      const cookie = `qw_session=${signSession('s', demoOpenid('p_liuyang'))}`;
      const up = await (await fetch(`${base}/files/upload`, { method: 'POST', body: form(), headers: { cookie } })).json();
      expect(up).toMatchObject({ ok: true, data: { name: '项目A群-2026-11.txt', size: bytes.length } });
      const fileId = up.data.fileId as string;
      expect(sha((await w.files.read(fileId))!)).toBe(sha(bytes));
      // Recorded at the upload as the signed-in person's, with what the server computed from the bytes.
      expect((await w.store.getUploads([uploadKey(fileId)]))[0]).toMatchObject({ fileId, uploadedBy: 'p_liuyang', size: bytes.length, sha256: sha(bytes), contentType: 'text/plain', check: { status: 'none' } });

      const link = await w.files.link(fileId, w.clock.t + 60_000);
      const got = await fetch(`${base}${link}`, { headers: { cookie } });
      expect(got.status).toBe(200);
      expect(sha(Buffer.from(await got.arrayBuffer()))).toBe(sha(bytes));
      expect(downloads).toEqual([[fileId, demoOpenid('p_liuyang')]]);

      expect((await fetch(`${base}${link.replace(/sig=[^&]+/, 'sig=forged')}`)).status).toBe(403);
      w.clock.t += 61_000;
      const late = await fetch(`${base}${link}`);
      expect(late.status).toBe(410);
      expect(await late.text()).toContain('下载链接已过期');
      expect(downloads).toHaveLength(1);

      // Every function answers at /api/<name>: the scheduler's timer event, and nothing else.
      expect(await (await fetch(`${base}/api/scheduler`, { method: 'POST', body: '{}' })).json()).toMatchObject({ backupsDue: 0, timeouts: 0, skipped: 0, dispatched: 0 });
      expect(await (await fetch(`${base}/api/nope`, { method: 'POST', body: '{}' })).json()).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
      expect(await (await fetch(`${base}/api/api`, { method: 'POST', body: '{"action":"session.whoami","data":{}}' })).json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    } finally {
      server.close();
    }
  });
});
