import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS, describeCloudIndexes, INDEXES } from '../../src/server/collections';
import { checkLocally, createDiskFiles, createLocalContentCheck, createLocalNotifier, createLocalOpenData, openSqliteStore, PROHIBITED } from '../../src/server/adapters/sqlite';
import { describeStore, makeCase, T0, type StoreUnderTest } from './store.contract';

/** The local host's stand-ins beside the store: files on disk, a chat named in the page's field. */
function localHost(s: ReturnType<typeof openSqliteStore>): StoreUnderTest {
  const dir = mkdtempSync(join(tmpdir(), 'qunwu-files-'));
  const files = createDiskFiles(dir, 'contract-secret');
  return {
    store: s,
    close: () => {
      s.close();
      rmSync(dir, { recursive: true, force: true });
    },
    storage: { files, put: (bytes) => files.save(bytes, { name: 'x.txt', contentType: 'text/plain', uploadedBy: 'p1', uploadedAt: T0 }) },
    openData: { openData: createLocalOpenData(), chat: (name) => ({ cloudID: `local:${name}`, opengid: `local_${name}` }) },
  };
}

describeStore('sqlite', () => localHost(openSqliteStore(':memory:')));

// The local host's mode: the same behaviour, commits batched per turn of the event loop.
describeStore('sqlite with group commit', () => localHost(openSqliteStore(':memory:', { groupCommit: true })));

describe('sqlite store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qunwu-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should copy the WAL back into the database file from its background checkpointer', async () => {
    const file = join(dir, 'q.sqlite');
    const s = openSqliteStore(file, { groupCommit: true, backgroundCheckpoint: true });
    try {
      const before = statSync(file).size;
      for (let i = 0; i < 300; i++) await s.insertCase(makeCase(`c${i}`, { createdAt: T0 + i }));
      await s.flush();
      // The main connection checkpoints only past ~400 MB of WAL: the database file grows only if the worker did it.
      expect(statSync(file).size).toBe(before);
      const deadline = Date.now() + 5000;
      while (statSync(file).size === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(statSync(file).size).toBeGreaterThan(before);
      expect(await s.getCase('c299')).not.toBeNull();
    } finally {
      s.close();
    }
  });

  it('should keep its data in a WAL file database across reopening', async () => {
    const file = join(dir, 'q.sqlite');
    const a = openSqliteStore(file);
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(a.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    await a.insertCase(makeCase('c1'));
    a.close();
    const b = openSqliteStore(file);
    expect((await b.getCase('c1'))?._id).toBe('c1');
    expect((await b.listInbox('p_admin', { offset: 0, limit: 5 })).total).toBe(1);
    b.close();
  });

  it("should commit a turn's writes together, and have them on disk for another connection once flush() resolves", async () => {
    const file = join(dir, 'g.sqlite');
    const a = openSqliteStore(file, { groupCommit: true });
    const other = openSqliteStore(file);
    await a.insertCase(makeCase('c1'));
    await a.updateCase({ ...makeCase('c1'), state: 'approved' }, 1);
    await a.insertCase(makeCase('c2'));
    // This connection reads its own writes at once; another one only after the commit.
    expect((await a.getCase('c1'))?.state).toBe('approved');
    expect(a.db.inTransaction).toBe(true);
    expect(await other.getCase('c1')).toBeNull();
    await a.flush();
    expect(a.db.inTransaction).toBe(false);
    expect((await other.getCase('c1'))?.state).toBe('approved');
    expect((await other.getCase('c2'))?._id).toBe('c2');
    await a.flush(); // nothing pending: resolves at once
    other.close();
    a.close();
  });

  it('should keep the other writes of a batch when one of them fails, and commit on close', async () => {
    const file = join(dir, 'h.sqlite');
    const a = openSqliteStore(file, { groupCommit: true });
    await a.insertPerson({ _id: 'p1', openid: null, name: '甲', deptId: 'd', employeeNo: '1', status: 'active', external: false, createdAt: T0 });
    await expect(a.insertPerson({ _id: 'p1', openid: null, name: '乙', deptId: 'd', employeeNo: '2', status: 'active', external: false, createdAt: T0 })).rejects.toBeTruthy();
    await a.insertCase(makeCase('c1'));
    a.close();
    const b = openSqliteStore(file);
    expect((await b.getPerson('p1'))?.name).toBe('甲');
    expect((await b.getCase('c1'))?._id).toBe('c1');
    b.close();
  });

  it('should create a table for every collection', () => {
    const s = openSqliteStore(':memory:');
    const tables = (s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    for (const c of COLLECTIONS) expect(tables).toContain(c);
    s.close();
  });

  it('should answer the hot queries from indexes, never by scanning the cases', async () => {
    const s = openSqliteStore(':memory:');
    const plan = (sql: string, ...params: unknown[]) =>
      (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const inbox = plan(
      `SELECT c.doc FROM cases__inbox s JOIN cases c ON c._id = s._id WHERE s.f_assignees = ? AND s.f_open = 1
       ORDER BY s.f_dueKey, s.f_createdAt, s._id LIMIT 20 OFFSET 0`,
      'p',
    );
    expect(inbox).toMatch(/SEARCH s USING PRIMARY KEY/);
    expect(inbox).not.toMatch(/TEMP B-TREE/);
    expect(inbox).not.toMatch(/SCAN c\b/);
    const due = plan(`SELECT doc FROM cases WHERE f_open = 1 AND f_wakeAt <= ? ORDER BY f_wakeAt, _id LIMIT 10`, T0);
    expect(due).toMatch(/USING INDEX cases__due/);
    expect(due).not.toMatch(/TEMP B-TREE/);
    const outbox = plan(`SELECT doc FROM cases WHERE f_outboxSize > 0 ORDER BY f_updatedAt, _id LIMIT 10`);
    expect(outbox).toMatch(/USING INDEX cases__outbox/);
    const mine = plan(
      `WITH page AS (SELECT _id, u FROM (SELECT _id, f_updatedAt AS u FROM cases WHERE f_openedBy = ?
       UNION SELECT _id, f_updatedAt AS u FROM cases WHERE f_subjectId = ?) ORDER BY u DESC, _id DESC LIMIT 20 OFFSET 0)
       SELECT c.doc FROM page JOIN cases c ON c._id = page._id ORDER BY page.u DESC, page._id DESC`,
      'p',
      'p',
    );
    expect(mine).toMatch(/SEARCH cases USING COVERING INDEX cases__opened_by/);
    expect(mine).toMatch(/SEARCH cases USING COVERING INDEX cases__subject/);
    expect(mine).not.toMatch(/SCAN cases/);
    const unread = plan(`SELECT doc FROM notifications WHERE f_to = ? AND f_read = 0 ORDER BY f_createdAt DESC, _id DESC LIMIT 10`, 'p');
    expect(unread).toMatch(/USING INDEX notifications__to_read/);
    expect(unread).not.toMatch(/TEMP B-TREE/);
    s.close();
  });

  it('should declare only indexes whose collections exist, and print the cloud ones', () => {
    for (const ix of INDEXES) expect(COLLECTIONS).toContain(ix.collection);
    const text = describeCloudIndexes();
    expect(text).toContain('inbox: assignees asc, open asc, dueKey asc, createdAt asc, _id asc');
    expect(text).toContain('cases');
    expect(text).not.toContain('pushes');
  });
});

describe('local notifier', () => {
  it('should record every message and answer ok', async () => {
    const s = openSqliteStore(':memory:');
    let t = T0;
    const notifier = createLocalNotifier(s.db, () => t++);
    const msg = (n: number) => ({ touser: `o_${n}`, templateId: 'TPL', page: `/packages/case/pages/case/index?id=c${n}`, data: { thing1: { value: `事项${n}` } } });
    expect(await notifier.send(msg(1))).toEqual({ ok: true });
    expect(await notifier.send(msg(2))).toEqual({ ok: true });
    const pushes = notifier.listPushes(10);
    expect(pushes.map((p) => p.touser)).toEqual(['o_2', 'o_1']);
    expect(pushes[0]).toEqual({ id: pushes[1].id + 1, at: T0 + 1, ...msg(2) });
    expect(notifier.listPushes(1)).toHaveLength(1);
    s.close();
  });
});

describe('local content check', () => {
  const check = createLocalContentCheck();

  it('should pass ordinary work text', async () => {
    for (const text of ['张三-市场部', '请于周五前提交报告', '严禁在群内发布广告', 'Li Lei · 技术部', '']) {
      expect(await check.check(text, 'o_x', 2)).toEqual({ pass: true });
    }
  });

  it('should refuse a prohibited phrase of every category with its label', async () => {
    const labels = new Set<string>();
    for (const rule of PROHIBITED) {
      const verdict = await check.check(`你好，${rule.phrase}，谢谢`, 'o_x', 2);
      expect(verdict).toEqual({ pass: false, label: rule.label });
      labels.add(rule.label);
    }
    // 色情, 辱骂, 违法 (赌博, 暴力, 恐怖), 欺诈
    expect([...labels].sort()).toEqual(['20002', '20003', '20006', '20008']);
  });

  it('should see through spaces, zero-width characters, separators and full-width forms', () => {
    expect(checkLocally('傻 逼')).toEqual({ pass: false, label: '20003' });
    expect(checkLocally('傻\u200B逼')).toEqual({ pass: false, label: '20003' });
    expect(checkLocally('刷*单*返*利')).toEqual({ pass: false, label: '20008' });
    expect(checkLocally('约\uFEFF炮')).toEqual({ pass: false, label: '20002' });
    expect(checkLocally('制作　炸弹')).toEqual({ pass: false, label: '20006' });
  });

  it('should refuse text that is only whitespace or invisible characters', () => {
    for (const text of ['   ', '\u200B\u200B', '\u3000\t\n', '\u200D \uFEFF', '\u3164']) {
      expect(checkLocally(text)).toEqual({ pass: false, label: '21000' });
    }
  });
});
