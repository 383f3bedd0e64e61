import { createWechatContentCheck, createWechatNotifier, createWechatStore, miniprogramStateFrom, wechatOpenid } from '../../src/server/adapters/wechat';
import { NO_DEADLINE } from '../../src/server/collections';
import { createWechatFiles, createWechatOpenData } from '../../src/server/adapters/wechat';
import { createFakeCloud, createFakeWxDb, fakeCommand as _, SdkError, type FakeWxDbOptions } from './fakes/wx-db';
import { startTcbGateway, type TcbGateway } from './fakes/tcb-gateway';
import { ack, describeStore, makeCase, membership, notice, person, T0, type StoreUnderTest } from './store.contract';
import { shanghaiDay } from '../../src/core/report-facts';

// Storage and open data run the real wx-server-sdk over a local gateway; the database is the fake.
let gateway: TcbGateway;
beforeAll(async () => {
  gateway = await startTcbGateway();
});
afterAll(() => gateway.close());

function onWechat(options?: FakeWxDbOptions): StoreUnderTest {
  const cloud = gateway.sdk(createFakeWxDb(options));
  let n = 0;
  return {
    store: createWechatStore(cloud.database()),
    storage: { files: createWechatFiles(cloud), put: (bytes) => gateway.put(`contract/${Date.now()}-${++n}.bin`, bytes) },
    openData: {
      openData: createWechatOpenData(cloud),
      chat: (name) => {
        const opengid = `G${name}${'x'.repeat(20)}`;
        return { cloudID: gateway.groupCloudID(opengid), opengid };
      },
    },
  };
}

describeStore('wechat: the real SDK over a local gateway, the fake database', () => onWechat());

// A database that answers at most 100 documents a request, as older SDKs did.
describeStore('wechat with a database that answers in pages of 100', () => onWechat({ pageCap: 100 }));

describe('wechat store', () => {
  it('should store the index fields beside the case and hide them on read', async () => {
    const db = createFakeWxDb();
    const store = createWechatStore(db);
    await store.insertCase(makeCase('c1', { dueAt: null, outbox: [{ id: 'n1', to: 'a', purpose: 'newTask', title: 't', body: 'b', page: '/p', createdAt: 1 }] }));
    expect(db.dump('cases')[0]).toMatchObject({ _id: 'c1', dueKey: NO_DEADLINE, outboxSize: 1 });
    const c = await store.getCase('c1');
    expect(c).not.toHaveProperty('dueKey');
    expect(c).not.toHaveProperty('outboxSize');
  });

  it('should never ask for more than 1000 documents at once', async () => {
    const db = createFakeWxDb();
    const limits: number[] = [];
    const spy = { ...db, collection: (name: string) => wrapLimit(db.collection(name), limits) };
    const store = createWechatStore(spy);
    await store.listInbox('p', { offset: 0, limit: 5000 });
    await store.listDueCases(0, 5000);
    await store.listCasesWithOutbox(5000);
    await store.listRoster('g');
    expect(limits.length).toBeGreaterThan(0);
    expect(Math.max(...limits)).toBeLessThanOrEqual(1000);
  });
});

/** Records every limit() the adapter asks for. */
function wrapLimit<Q extends object>(q: Q, limits: number[]): Q {
  return new Proxy(q, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (prop === 'limit') limits.push(args[0] as number);
        const r = v.apply(target, args);
        return r && typeof r === 'object' && !(r instanceof Promise) ? wrapLimit(r, limits) : r;
      };
    },
  });
}

describe('fake wx-server-sdk database', () => {
  it('should reject add() of an _id that exists, with the SDK error code', async () => {
    const db = createFakeWxDb();
    await expect(db.collection('x').add({ data: { _id: 'a', n: 1 } })).resolves.toMatchObject({ _id: 'a' });
    await expect(db.collection('x').add({ data: { _id: 'a', n: 2 } })).rejects.toMatchObject({ errCode: -502001 });
    expect(db.dump('x')).toEqual([{ _id: 'a', n: 1 }]);
  });

  it('should reject doc().get() of a missing document, as the SDK does by default', async () => {
    const db = createFakeWxDb();
    const doc = db.collection('x').doc('nope') as unknown as { get(): Promise<unknown> };
    await expect(doc.get()).rejects.toBeInstanceOf(SdkError);
    await expect(doc.get()).rejects.toMatchObject({ errMsg: 'document.get:fail document with _id nope does not exist' });
  });

  it('should match an array field by containment and a null field when missing', async () => {
    const db = createFakeWxDb();
    const x = db.collection('x');
    await x.add({ data: { _id: 'a', tags: ['p1', 'p2'] } });
    await x.add({ data: { _id: 'b', tags: ['p3'], w: null } });
    expect((await x.where({ tags: 'p2' }).get()).data.map((d) => d._id)).toEqual(['a']);
    expect((await x.where({ tags: _.in(['p3', 'p9']) }).get()).data.map((d) => d._id)).toEqual(['b']);
    expect((await x.where({ w: null }).get()).data).toHaveLength(2);
    expect((await x.where({ w: _.lte(5) }).get()).data).toHaveLength(0);
  });

  it('should return 100 documents without limit(), and never more than 1000', async () => {
    const db = createFakeWxDb();
    const x = db.collection('x');
    for (let i = 0; i < 1200; i++) await x.add({ data: { _id: `d${String(i).padStart(4, '0')}`, i } });
    expect((await x.get()).data).toHaveLength(100);
    expect((await x.limit(0).get()).data).toHaveLength(100);
    expect((await x.limit(5000).get()).data).toHaveLength(1000);
    expect((await x.orderBy('i', 'desc').skip(1).limit(2).get()).data.map((d) => d.i)).toEqual([1198, 1197]);
    expect((await x.count()).total).toBe(1200);
    expect(() => x.limit(1.5)).toThrow();
  });

  it('should merge a plain object in update() and replace it with _.set()', async () => {
    const db = createFakeWxDb();
    const x = db.collection('x');
    await x.add({ data: { _id: 'a', data: { keep: 1, old: 2 }, list: [1, 2, 3], n: 1 } });
    await x.where({ _id: 'a' }).update({ data: { data: { old: 3 }, list: [9], n: _.inc(2) } });
    expect(db.dump('x')[0]).toEqual({ _id: 'a', data: { keep: 1, old: 3 }, list: [9], n: 3 });
    const r = await x.where({ _id: 'a' }).update({ data: { data: _.set({ only: true }), n: _.remove() } });
    expect(r).toMatchObject({ stats: { updated: 1 } });
    expect(db.dump('x')[0]).toEqual({ _id: 'a', data: { only: true }, list: [9] });
    expect((await x.where({ _id: 'zz' }).update({ data: { n: 1 } })).stats.updated).toBe(0);
  });

  it('should refuse _id in set() and update() data, and replace the whole document on set()', async () => {
    const db = createFakeWxDb();
    const x = db.collection('x');
    await expect(x.doc('a').set({ data: { _id: 'a', n: 1 } })).rejects.toBeInstanceOf(SdkError);
    await expect(x.where({ _id: 'a' }).update({ data: { _id: 'b' } })).rejects.toBeInstanceOf(SdkError);
    await expect(x.doc('a').set({ data: { n: 1, m: 2 } })).resolves.toMatchObject({ stats: { created: 1, updated: 0 } });
    await expect(x.doc('a').set({ data: { n: 5 } })).resolves.toMatchObject({ stats: { created: 0, updated: 1 } });
    expect(db.dump('x')).toEqual([{ _id: 'a', n: 5 }]);
  });

  it('should copy documents in and out', async () => {
    const db = createFakeWxDb();
    const x = db.collection('x');
    const doc = { _id: 'a', list: [1] };
    await x.add({ data: doc });
    doc.list.push(2);
    const got = (await x.get()).data[0] as unknown as { list: number[] };
    got.list.push(3);
    expect(db.dump('x')).toEqual([{ _id: 'a', list: [1] }]);
  });
});

describe('wechat store: notices', () => {
  const setup = () => {
    const db = createFakeWxDb();
    return { db, store: createWechatStore(db) };
  };
  const closed = notice('n1', { status: 'corrected', correctedBy: 'n2', open: false, wakeAt: null });
  const fresh = notice('n2', { corrects: 'n1' });

  it('should read publishing targets, a notice with my acknowledgement, and receipts in one request each', async () => {
    const { db, store } = setup();
    await store.insertDepartment({ _id: 'd1', name: '市场部', headId: null });
    await store.insertGroup({ _id: 'g1', name: '群 g1', type: 'department', deptId: 'd1', creatorId: 'p_pub', opengid: null, createdAt: 0 });
    await store.insertPerson(person('p1'));
    await store.putMembership(membership('g1', 'p1'));
    await store.insertNotice(notice('n1'));
    await store.insertAck(ack('n1', 'p1'));
    db.calls.splice(0);
    expect((await store.getNoticeTargets(['g1'], 0)).roster).toHaveLength(1);
    expect((await store.getNoticeForPerson('n1', 'p1'))?.ack).toEqual(ack('n1', 'p1'));
    expect((await store.getNoticeReceipts('n1'))?.roster).toHaveLength(1);
    expect(db.calls).toEqual(['aggregate.end', 'aggregate.end', 'aggregate.end']);
  });

  it('should finish a correction whose earlier try stopped after writing the new notice', async () => {
    const { db, store } = setup();
    await store.insertNotice(notice('n1'));
    // What the stopped try left: the new notice in, the old one untouched.
    await db.collection('notices').add({ data: fresh });
    expect(await store.replaceNotice(closed, 0, fresh)).toBe(true);
    expect(await store.getNotice('n1')).toEqual({ ...closed, version: 1 });
    expect(await store.getNotice('n2')).toEqual(fresh);
  });

  it('should take back the new notice a stopped try left once the old one has changed since', async () => {
    const { db, store } = setup();
    await store.insertNotice(notice('n1'));
    await db.collection('notices').add({ data: fresh });
    await store.updateNotice(notice('n1', { reminders: 1 }), 0);
    expect(await store.replaceNotice(closed, 0, fresh)).toBe(false);
    expect(db.dump('notices')).toEqual([{ ...notice('n1', { reminders: 1 }), version: 1 }]);
  });

  it("should scan the notices I owe by id and deadline only, not their lists of who owes them", async () => {
    const { db, store } = setup();
    const many = Array.from({ length: 2000 }, (_, i) => `m${i}`);
    for (const id of ['n1', 'n2', 'n3']) await store.insertNotice(notice(id, { owed: ['p1', ...many] }));
    await store.insertAck(ack('n2', 'p1'));
    const projections: unknown[] = [];
    const spy = { ...db, collection: (name: string) => recordFields(db.collection(name), projections) };
    db.calls.splice(0);
    const r = await createWechatStore(spy).listNoticesToAck('p1', { offset: 0, limit: 1 });
    expect(r).toEqual({ items: [notice('n3', { owed: ['p1', ...many] })], total: 2 });
    expect(projections).toEqual([{ _id: true, ackDueAt: true }]);
    // A count beside the scan, the scan, the acknowledgements, the page.
    expect(db.calls).toEqual(['collection.count', 'collection.get', 'collection.get', 'collection.get']);
  });
});

/** Records every field() projection the adapter asks for. */
function recordFields<Q extends object>(q: Q, projections: unknown[]): Q {
  return new Proxy(q, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (prop === 'field') projections.push(args[0]);
        const r = v.apply(target, args);
        return r && typeof r === 'object' && !(r instanceof Promise) ? recordFields(r, projections) : r;
      };
    },
  });
}

describe('fake wx-server-sdk database: projections and lookups', () => {
  it('should return only the fields field() asks for, with _id unless left out by name', async () => {
    const db = createFakeWxDb();
    const x = db.collection('x');
    await x.add({ data: { _id: 'a', n: 1, big: [1, 2], nested: { k: 1, j: 2 } } });
    expect((await x.field({ n: true }).get()).data).toEqual([{ _id: 'a', n: 1 }]);
    expect((await x.field({ big: false }).get()).data).toEqual([{ _id: 'a', n: 1, nested: { k: 1, j: 2 } }]);
    expect((await x.field({ n: true, _id: false }).get()).data).toEqual([{ n: 1 }]);
    expect((await x.where({ n: 1 }).field({ 'nested.k': true }).get()).data).toEqual([{ _id: 'a', nested: { k: 1 } }]);
    await expect(x.field({ n: true, big: false }).get()).rejects.toBeInstanceOf(SdkError);
    expect(db.dump('x')).toEqual([{ _id: 'a', n: 1, big: [1, 2], nested: { k: 1, j: 2 } }]);
  });

  it('should look up by each value of an array localField, and through an array of documents', async () => {
    const db = createFakeWxDb();
    await db.collection('notices').add({ data: { _id: 'n1', groupIds: ['g1', 'g2'] } });
    await db.collection('notices').add({ data: { _id: 'n2', groupIds: [] } });
    for (const [g, p] of [['g1', 'p1'], ['g2', 'p2'], ['g3', 'p3']]) {
      await db.collection('rows').add({ data: { _id: `${g}:${p}`, groupId: g, personId: p } });
      await db.collection('people').add({ data: { _id: p } });
    }
    const { list } = await db
      .collection('notices')
      .aggregate()
      .match({ _id: _.in(['n1', 'n2']) })
      .limit(2)
      .lookup({ from: 'rows', localField: 'groupIds', foreignField: 'groupId', as: 'rows' })
      .lookup({ from: 'people', localField: 'rows.personId', foreignField: '_id', as: 'people' })
      .end();
    const byId = Object.fromEntries(list.map((d) => [d._id, d]));
    expect((byId.n1.rows as { _id: string }[]).map((r) => r._id).sort()).toEqual(['g1:p1', 'g2:p2']);
    expect((byId.n1.people as { _id: string }[]).map((r) => r._id).sort()).toEqual(['p1', 'p2']);
    expect(byId.n2.rows).toEqual([]);
    expect(byId.n2.people).toEqual([]);
  });
});

describe('wechat notifier', () => {
  const msg = { touser: 'o_1', templateId: 'TPL', page: '/packages/case/pages/case/index?id=c1', data: { thing1: { value: '改名申请' } } };

  it('should send a subscription message in Chinese to the configured mini-program version', async () => {
    const cloud = createFakeCloud();
    expect(await createWechatNotifier(cloud, 'trial').send(msg)).toEqual({ ok: true });
    expect(cloud.sent).toEqual([{ ...msg, miniprogramState: 'trial', lang: 'zh_CN' }]);
  });

  it('should map "no grant left" to errCode 43101', async () => {
    const cloud = createFakeCloud();
    cloud.sendMode = 43101;
    const r = await createWechatNotifier(cloud, 'formal').send(msg);
    expect(r).toEqual({ ok: false, errCode: 43101, errMsg: expect.stringContaining('user refuse to accept the msg') });
  });

  it('should map other WeChat refusals to their errCode', async () => {
    const cloud = createFakeCloud();
    cloud.sendMode = 47003;
    expect(await createWechatNotifier(cloud).send(msg)).toMatchObject({ ok: false, errCode: 47003 });
  });

  it('should rethrow an error that carries no errCode, so the send is retried', async () => {
    const cloud = createFakeCloud();
    cloud.sendMode = 'network';
    await expect(createWechatNotifier(cloud).send(msg)).rejects.toThrow('ETIMEDOUT');
  });

  it('should read the mini-program version from its environment value, formal by default', () => {
    expect(miniprogramStateFrom('developer')).toBe('developer');
    expect(miniprogramStateFrom('trial')).toBe('trial');
    expect(miniprogramStateFrom(undefined)).toBe('formal');
    expect(miniprogramStateFrom('nonsense')).toBe('formal');
  });
});

describe('wechat content check', () => {
  it('should pass what msgSecCheck passes, calling version 2 with openid and scene', async () => {
    const cloud = createFakeCloud();
    expect(await createWechatContentCheck(cloud).check('张三-市场部', 'o_1', 1)).toEqual({ pass: true });
    expect(cloud.secChecks).toEqual([{ version: 2, openid: 'o_1', scene: 1, content: '张三-市场部' }]);
  });

  it('should refuse what msgSecCheck does not pass, with its label', async () => {
    const cloud = createFakeCloud();
    expect(await createWechatContentCheck(cloud).check('来玩赌博网站', 'o_1', 2)).toEqual({ pass: false, label: '20006' });
  });

  it('should not call WeChat for empty text', async () => {
    const cloud = createFakeCloud();
    expect(await createWechatContentCheck(cloud).check('', 'o_1', 2)).toEqual({ pass: true });
    expect(cloud.secChecks).toEqual([]);
  });
});

describe('wechat openid', () => {
  it('should read the OPENID WeChat puts in the context, and null without one', () => {
    const cloud = createFakeCloud();
    expect(wechatOpenid(cloud)).toBe('o_fake_openid');
    cloud.openid = undefined;
    expect(wechatOpenid(cloud)).toBeNull();
  });
});

describe('wechat reports: the owner’s case figures do not wait for the directory', () => {
  /** The fake database with the directory's one request (an aggregate on departments) held until released; the collections asked for meanwhile are recorded. */
  function heldDirectory() {
    const db = createFakeWxDb();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const asked: string[] = [];
    const hold = <O extends object>(o: O): O =>
      new Proxy(o, {
        get(t, p) {
          const v = Reflect.get(t, p);
          if (typeof v !== 'function') return v;
          return (...a: unknown[]) => {
            const r = v.apply(t, a);
            if (p === 'end') return gate.then(() => r);
            return r && typeof r === 'object' && typeof (r as { then?: unknown }).then !== 'function' ? hold(r) : r;
          };
        },
      });
    const held = new Proxy(db, {
      get(t, p) {
        if (p !== 'collection') return Reflect.get(t, p);
        return (name: string) => {
          asked.push(name);
          return name === 'departments' ? hold(t.collection(name)) : t.collection(name);
        };
      },
    });
    return { db, held, asked, release };
  }

  async function seeded() {
    const h = heldDirectory();
    const seed = createWechatStore(h.db);
    await seed.insertDepartment({ _id: 'd1', name: '市场部', headId: null });
    await seed.insertGroup({ _id: 'g1', name: '甲群', type: 'project', deptId: 'd1', creatorId: 'p1', opengid: null, createdAt: T0 });
    await seed.insertCase(makeCase('a1'));
    return { ...h, seed };
  }
  const period = { fromDay: shanghaiDay(T0) - 3, toDay: shanghaiDay(T0) + 3, now: T0 };

  it('should ask for the owner’s case aggregates while the directory is on its way, and answer the same figures', async () => {
    const h = await seeded();
    const q = { scope: { all: true, groupIds: [], deptIds: [] }, ...period };
    const expected = await h.seed.getReport(q);
    expect(expected.opened.map((r) => r.n)).toEqual([1]);
    const pending = createWechatStore(h.held as never).getReport(q);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.asked).toContain('cases');
    h.release();
    expect(await pending).toEqual(expected);
  });

  it('should wait for the groups before counting a scoped report (its filter is their ids)', async () => {
    const h = await seeded();
    const q = { scope: { all: false, groupIds: ['g1'], deptIds: [] }, ...period };
    const expected = await h.seed.getReport(q);
    const pending = createWechatStore(h.held as never).getReport(q);
    await new Promise((r) => setTimeout(r, 20));
    expect(h.asked).not.toContain('cases');
    h.release();
    expect(await pending).toEqual(expected);
    expect(h.asked).toContain('cases');
  });
});
