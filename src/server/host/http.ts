// The local host: the same dispatch the cloud function runs, over HTTP, with a dev sign-in
// standing in for WeChat's identity and an outbox page standing in for subscription messages.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import busboy from 'busboy';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fail } from '../../contract';
import { formatShanghai } from '../../core/time';
import { dispatch } from '../dispatch';
import { runScheduler } from '../jobs';
import type { DiskFiles, PushRecord } from '../adapters/sqlite';
import type { Deps } from '../ports';
import type { DownloadVerdict } from '../reads/record-downloads';
import { recordUpload } from '../reads/files';
import { currentSettings } from '../reads/settings';
import { checkUploadLimit } from '../limits';
import { DEMO_TITLES } from './seed';

export interface HostOptions {
  deps: Deps;
  /** Signs session cookies; kept under .data so sessions survive a restart. */
  secret: string;
  /** Built h5 app to serve; omitted in API-only tests. */
  staticDir?: string;
  listPushes: (limit: number) => PushRecord[] | Promise<PushRecord[]>;
  /** Local stand-in for cloud storage: uploads and expiring download links. */
  files?: DiskFiles;
  /**
   * Asked before a download a genuine, unexpired link asks for: the signature cannot know that a
   * grant was revoked, so the record-access rules decide here (and log). Omitted: allowed.
   */
  guardDownload?: (fileId: string, ref: string | null, openid: string | null) => Promise<DownloadVerdict>;
  /** Called for every download a link let through. */
  onFileDownload?: (fileId: string, openid: string | null) => void | Promise<void>;
  /** Resolves once the writes made so far are on disk (a group-committing store). */
  flush?: () => Promise<void>;
  /** Test-only controls (/dev/clock, /dev/scheduler): never on in a normal start. */
  testControls?: { advance(ms: number): number };
}

const COOKIE = 'qw_session';
const MAX_BODY = 64 * 1024;
const MAX_UPLOAD = 20 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export function signSession(secret: string, openid: string): string {
  const sig = createHmac('sha256', secret).update(openid).digest('base64url');
  return `${Buffer.from(openid).toString('base64url')}.${sig}`;
}

export function readSession(secret: string, cookieHeader: string | undefined): string | null {
  const raw = cookieHeader?.split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`))?.slice(COOKIE.length + 1);
  if (!raw) return null;
  const [b64, sig] = raw.split('.');
  if (!b64 || !sig) return null;
  const openid = Buffer.from(b64, 'base64url').toString();
  const expected = createHmac('sha256', secret).update(openid).digest('base64url');
  const a = Buffer.from(sig);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? openid : null;
}

export function createHost(opts: HostOptions): Server {
  const { deps } = opts;
  return createServer((req, res) => {
    handle(opts, req, res).catch((err) => {
      console.error('host error', err);
      if (!res.headersSent) json(res, 500, fail('INTERNAL'));
      else res.end();
    });
  });

  async function handle(o: HostOptions, req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return json(res, 405, fail('BAD_INPUT', '请使用 POST'));
      // The timer-triggered function: idempotent, so a manual tick is harmless.
      if (path === '/api/scheduler') return json(res, 200, await runScheduler(deps));
      if (path !== '/api/api') return json(res, 404, fail('UNKNOWN_ACTION', `没有名为 ${path.slice(5)} 的云函数`));
      const body = await readBody(req);
      if (body === null) return json(res, 413, fail('BAD_INPUT', '请求内容过大'));
      let event: unknown;
      try {
        event = JSON.parse(body || 'null');
      } catch {
        return json(res, 400, fail('BAD_INPUT', '请求内容不是合法的 JSON'));
      }
      const openid = readSession(o.secret, req.headers.cookie);
      const answer = await dispatch(deps, event, openid);
      // Nothing is acknowledged before it is committed (the store may batch commits).
      await o.flush?.();
      return json(res, 200, answer);
    }
    if (path === '/files/upload' && req.method === 'POST' && o.files) return upload(o.files, req, res);
    if (path.startsWith('/files/') && req.method === 'GET' && o.files) return download(o, o.files, path.slice(7), url, req, res);
    if (path === '/dev/signin' && req.method === 'GET') return html(res, await signinPage(undefined, url.searchParams.get('next') ?? undefined));
    if (path === '/dev/signin' && req.method === 'POST') {
      const form = new URLSearchParams((await readBody(req)) ?? '');
      const person = await deps.store.getPerson(form.get('personId') ?? '');
      if (!person?.openid) return html(res, await signinPage('找不到这个人，或他还没有绑定微信'), 400);
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${signSession(o.secret, person.openid)}; Path=/; HttpOnly; SameSite=Lax`,
        Location: '/',
      });
      return res.end();
    }
    if (path === '/dev/signin-new' && req.method === 'POST') {
      // A WeChat user nobody has bound yet: what a new hire is when they first open an invitation.
      const openid = `dev_new_${randomBytes(9).toString('base64url')}`;
      const next = new URLSearchParams((await readBody(req)) ?? '').get('next') ?? '/';
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${signSession(o.secret, openid)}; Path=/; HttpOnly; SameSite=Lax`,
        Location: next.startsWith('/') && !next.startsWith('//') ? next : '/',
      });
      return res.end();
    }
    if (path === '/dev/signout') {
      res.writeHead(303, { 'Set-Cookie': `${COOKIE}=; Path=/; Max-Age=0`, Location: '/dev/signin' });
      return res.end();
    }
    if (path === '/dev/outbox') return html(res, await outboxPage());
    if (path.startsWith('/dev/') && o.testControls && req.method === 'POST') {
      if (path === '/dev/clock') {
        const { advanceMs } = JSON.parse((await readBody(req)) || '{}') as { advanceMs?: number };
        return json(res, 200, { now: o.testControls.advance(Number(advanceMs) || 0) });
      }
      if (path === '/dev/scheduler') return json(res, 200, await runScheduler(deps));
    }
    if (req.method === 'GET' && o.staticDir) return serveStatic(o.staticDir, path, res);
    json(res, 404, fail('NOT_FOUND'));
  }

  /**
   * What wx.cloud.uploadFile and then files.record do on WeChat: only a bound person may store a
   * file, within the hourly upload limit, and the upload is recorded as theirs at once.
   */
  async function upload(files: DiskFiles, req: IncomingMessage, res: ServerResponse) {
    const openid = readSession(opts.secret, req.headers.cookie);
    const now = deps.clock.now();
    const actor = openid ? await deps.store.getActor(openid, { uploadsSince: now - 3_600_000 }) : null;
    if (!openid || !actor || actor.person.status !== 'active' || actor.departed) return json(res, 401, fail('UNAUTHENTICATED'));
    const person = actor.person;
    const limited = checkUploadLimit(actor, (await currentSettings(deps.store)).values.limits, now);
    if (limited) return json(res, 429, limited);
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('multipart/form-data')) return json(res, 400, fail('BAD_INPUT', '请以表单方式上传文件'));
    const parts: { name: string; contentType: string; bytes: Buffer }[] = [];
    let tooBig = false;
    await new Promise<void>((done, failed) => {
      // Browsers send UTF-8 file names; busboy assumes latin1 unless told.
      const bb = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fileSize: MAX_UPLOAD } });
      bb.on('file', (_field, stream, info) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('limit', () => (tooBig = true));
        stream.on('close', () => parts.push({ name: info.filename || 'file', contentType: info.mimeType, bytes: Buffer.concat(chunks) }));
      });
      bb.on('close', () => done());
      bb.on('error', failed);
      req.pipe(bb);
    });
    if (tooBig) return json(res, 413, fail('BAD_INPUT', '文件过大（最多 20 MB）'));
    const part = parts[0];
    if (!part || !part.bytes.length) return json(res, 400, fail('BAD_INPUT', '没有收到文件内容'));
    const fileId = files.save(part.bytes, { name: part.name, contentType: part.contentType, uploadedBy: person._id, uploadedAt: now });
    const recorded = await recordUpload(deps, { personId: person._id, openid }, fileId, { name: part.name, contentType: part.contentType }, now);
    await opts.flush?.();
    if ('ok' in recorded) return json(res, 400, recorded);
    return json(res, 200, { ok: true, data: { fileId, name: part.name, size: recorded.size } });
  }

  async function download(o: HostOptions, files: DiskFiles, key: string, url: URL, req: IncomingMessage, res: ServerResponse) {
    const ref = url.searchParams.get('ref');
    const v = files.verifyLink(key, url.searchParams.get('exp'), url.searchParams.get('sig'), deps.clock.now(), ref);
    if (!v.ok) {
      const [status, text] = v.reason === 'expired' ? [410, '下载链接已过期'] : v.reason === 'missing' ? [404, '文件不存在'] : [403, '下载链接无效'];
      return html(res, page(text, `<p>${text}。如仍需查阅，请重新申请或联系群管理员。</p>`), status);
    }
    const openid = readSession(o.secret, req.headers.cookie);
    const verdict = o.guardDownload ? await o.guardDownload(v.fileId, ref, openid) : { ok: true as const };
    // The access log entry is on disk before the file (or the refusal) goes out.
    await o.flush?.();
    if (!verdict.ok) return html(res, page('无法下载', `<p>${esc(verdict.message)}</p>`), verdict.status);
    await o.onFileDownload?.(v.fileId, openid);
    const meta = files.meta(v.fileId);
    res.writeHead(200, {
      'Content-Type': meta?.contentType || 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(meta?.name ?? 'file')}`,
      'Cache-Control': 'no-store',
    });
    res.end(await files.read(v.fileId));
  }

  async function signinPage(error?: string, next?: string): Promise<string> {
    const people = await deps.store.listPeople();
    const rows = people
      .filter((p) => p.openid && p.status === 'active')
      .map(
        (p) => `<li><form method="post" action="/dev/signin"><input type="hidden" name="personId" value="${esc(p._id)}">
<button type="submit" data-person="${esc(p._id)}"><b>${esc(p.name)}</b> <span>${esc(DEMO_TITLES[p._id] ?? '')}</span></button></form></li>`,
      )
      .join('\n');
    return page(
      '选择身份登录',
      `<p class="hint">本地演示：在微信中身份来自云函数的 OPENID；这里选择一位演示人员代替。</p>
${error ? `<p class="error">${esc(error)}</p>` : ''}<ul class="people">${rows}</ul>
<form method="post" action="/dev/signin-new"><input type="hidden" name="next" value="${esc(next ?? '/')}">
<button type="submit" class="new-user" data-new-user>以新微信用户身份打开</button></form>
<p class="hint">新微信用户：一个还没有绑定任何人员的微信身份，用来打开邀请链接，体验新员工入职绑定。</p>
<p><a href="/dev/outbox">查看订阅消息发件箱</a></p>`,
    );
  }

  async function outboxPage(): Promise<string> {
    const pushes = await opts.listPushes(200);
    const people = new Map((await deps.store.listPeople()).map((p) => [p.openid, p.name]));
    const rows = pushes
      .map(
        (m) => `<tr><td>${esc(formatShanghai(m.at, 'MM-DD HH:mm:ss'))}</td><td>${esc(people.get(m.touser) ?? m.touser)}</td>
<td>${esc(m.templateId)}</td><td>${Object.entries(m.data).map(([k, v]) => `<div><small>${esc(k)}</small> ${esc(v.value)}</div>`).join('')}</td><td><code>${esc(m.page)}</code></td></tr>`,
      )
      .join('\n');
    return page(
      '订阅消息发件箱',
      `<p class="hint">在微信中这些消息会作为订阅消息推送给本人；本地只记录在这里。没有订阅授权的提醒只留在小程序的站内消息里。</p>
<table><thead><tr><th>时间</th><th>接收人</th><th>模板</th><th>内容</th><th>跳转页面</th></tr></thead><tbody>${rows || '<tr><td colspan="5">暂无</td></tr>'}</tbody></table>
<p><a href="/">返回小程序</a> · <a href="/dev/signin">切换身份</a></p>`,
    );
  }
}

function serveStatic(dir: string, path: string, res: ServerResponse) {
  const root = resolve(dir);
  let file = normalize(join(root, decodeURIComponent(path)));
  if (!file.startsWith(root)) return json(res, 403, fail('FORBIDDEN'));
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html'); // client-side routes
  if (!existsSync(file)) return html(res, page('尚未构建', '<p>还没有 h5 构建：请运行 <code>npm run build:h5</code>。</p>'), 503);
  res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolveBody(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function html(res: ServerResponse, body: string, status = 200) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} · 群务</title><style>
body{font-family:-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;padding:16px;background:#f5f6f8;color:#1f2329}
h1{font-size:20px}.hint{color:#646a73;font-size:14px}.error{color:#d83931}
ul.people{list-style:none;padding:0;display:grid;gap:8px}ul.people button{width:100%;text-align:left;padding:12px;border:1px solid #dee0e3;border-radius:8px;background:#fff;font-size:16px}
ul.people button span{color:#646a73;font-size:13px;margin-left:6px}
button.new-user{width:100%;padding:12px;border:1px dashed #07c160;border-radius:8px;background:#f0fbf5;color:#06ad56;font-size:16px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}td,th{border:1px solid #dee0e3;padding:6px;text-align:left;vertical-align:top}
td:nth-child(2){white-space:nowrap}td:nth-child(4){min-width:12em}code{word-break:break-all;font-size:12px}
</style></head><body><h1>${esc(title)}</h1>${body}</body></html>`;
}
