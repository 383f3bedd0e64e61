// The directory — people, groups, departments, rosters — is read on nearly every request (names in
// case views, who a step goes to) and changes rarely. A function instance keeps what it read for a
// few seconds: writes made through this instance drop what they touch at once, and a change made on
// another instance shows here within the TTL, the same rule as the current settings version.
// Never cached: who the caller is (getActor) and anything about cases, which decide what is allowed.
import type { Department, Group, Membership, Person, RosterEntry } from '../../core/model';
import type { Directory, Store } from '../ports';

export const DIRECTORY_TTL_MS = 5_000;
/** More entries than this and a map starts over: an instance serves one organisation. */
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  value: T;
  at: number;
}

export interface CacheOptions {
  ttlMs?: number;
  /** Wall-clock time, not the request's: the cache ages in real time. */
  now?: () => number;
}

class TtlMap<T> {
  private readonly m = new Map<string, Entry<T>>();
  constructor(
    private readonly ttl: number,
    private readonly now: () => number,
  ) {}
  get(key: string): T | undefined {
    const e = this.m.get(key);
    if (!e) return undefined;
    if (this.now() - e.at >= this.ttl) {
      this.m.delete(key);
      return undefined;
    }
    return e.value;
  }
  set(key: string, value: T): void {
    if (this.m.size >= MAX_ENTRIES) this.m.clear();
    this.m.set(key, { value, at: this.now() });
  }
  delete(key: string): void {
    this.m.delete(key);
  }
  clear(): void {
    this.m.clear();
  }
}

/** The same Store with directory reads served from memory for `ttlMs`. */
export function cachedStore<S extends Store>(inner: S, opts: CacheOptions = {}): S {
  const ttl = opts.ttlMs ?? DIRECTORY_TTL_MS;
  const now = opts.now ?? Date.now;
  const people = new TtlMap<Person>(ttl, now);
  const groups = new TtlMap<Group>(ttl, now);
  const rosters = new TtlMap<RosterEntry[]>(ttl, now);
  const departments = new TtlMap<Department[]>(ttl, now);
  // Whole lists (the org pages): one entry each, dropped by any write to what they list.
  const everyone = new TtlMap<Person[]>(ttl, now);
  const allGroups = new TtlMap<Group[]>(ttl, now);
  const allMemberships = new TtlMap<Membership[]>(ttl, now);
  const directory = new TtlMap<Directory>(ttl, now);
  const list = async <T>(cache: TtlMap<T[]>, load: () => Promise<T[]>): Promise<T[]> => {
    const hit = cache.get('all');
    if (hit) return clone(hit);
    const all = await load();
    cache.set('all', clone(all));
    return all;
  };
  /** A roster row changed: the group's roster and every list it appears in are stale. */
  const rosterChanged = (groupId: string) => {
    directory.clear();
    rosters.delete(groupId);
    allMemberships.clear();
  };
  /** A person's record changed: the directory, the person, everyone, and every roster that embeds them are stale. */
  const personChanged = (personId: string) => {
    directory.clear();
    people.delete(personId);
    everyone.clear();
    rosters.clear();
  };
  /** A group's record changed: the directory, the group, and the list of all groups are stale. */
  const groupChanged = (groupId: string) => {
    directory.clear();
    groups.delete(groupId);
    allGroups.clear();
  };
  // Callers may change what they are given; hand out copies.
  const clone = <T>(v: T): T => structuredClone(v);

  async function byIds<T extends { _id: string }>(cache: TtlMap<T>, ids: string[], load: (missing: string[]) => Promise<T[]>): Promise<T[]> {
    const out: T[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = cache.get(id);
      if (hit) out.push(clone(hit));
      else missing.push(id);
    }
    if (missing.length) {
      for (const found of await load(missing)) {
        cache.set(found._id, clone(found));
        out.push(found);
      }
    }
    return out;
  }

  const overrides: Partial<Store> = {
    async getPerson(id) {
      return (await byIds(people, [id], (m) => inner.getPeople(m)))[0] ?? null;
    },
    getPeople: (ids) => byIds(people, ids, (m) => inner.getPeople(m)),
    getGroups: (ids) => byIds(groups, ids, (m) => inner.getGroups(m)),
    listDepartments: () => list(departments, () => inner.listDepartments()),
    listPeople: () => list(everyone, () => inner.listPeople()),
    listGroups: () => list(allGroups, () => inner.listGroups()),
    listMemberships: () => list(allMemberships, () => inner.listMemberships()),
    async getDirectory() {
      const hit = directory.get('all');
      if (hit) return clone(hit);
      const all = await inner.getDirectory();
      directory.set('all', clone(all));
      return all;
    },
    async listRoster(groupId) {
      const hit = rosters.get(groupId);
      if (hit) return clone(hit);
      const roster = await inner.listRoster(groupId);
      rosters.set(groupId, clone(roster));
      // The people came with it: their names are what a case view of this group asks for next.
      for (const r of roster) people.set(r.person._id, clone(r.person));
      return roster;
    },

    // Writes through this instance: forget what they change (rosters embed people).
    async insertPerson(p) {
      await inner.insertPerson(p);
      directory.clear();
      people.delete(p._id);
      everyone.clear();
    },
    async updatePerson(p) {
      await inner.updatePerson(p);
      personChanged(p._id);
    },
    async bindOpenid(personId, openid, invitation) {
      const bound = await inner.bindOpenid(personId, openid, invitation);
      personChanged(personId);
      return bound;
    },
    async putMembership(m) {
      await inner.putMembership(m);
      rosterChanged(m.groupId);
    },
    async setNickname(groupId, personId, nickname, at) {
      const done = await inner.setNickname(groupId, personId, nickname, at);
      rosterChanged(groupId);
      return done;
    },
    async setMembershipStatus(groupId, personId, status, at) {
      const done = await inner.setMembershipStatus(groupId, personId, status, at);
      rosterChanged(groupId);
      return done;
    },
    async setMembershipRole(groupId, personId, role, present, at) {
      const done = await inner.setMembershipRole(groupId, personId, role, present, at);
      rosterChanged(groupId);
      return done;
    },
    async setMembershipFix(groupId, personId, caseId, ifCurrent) {
      const done = await inner.setMembershipFix(groupId, personId, caseId, ifCurrent);
      rosterChanged(groupId);
      return done;
    },
    async insertDepartment(d) {
      await inner.insertDepartment(d);
      directory.clear();
      departments.clear();
    },
    async updateDepartment(d) {
      await inner.updateDepartment(d);
      directory.clear();
      departments.clear();
    },
    async createGroup(g, ms) {
      const created = await inner.createGroup(g, ms);
      groupChanged(g._id);
      rosterChanged(g._id);
      return created;
    },
    async insertGroup(g) {
      await inner.insertGroup(g);
      groupChanged(g._id);
    },
    async setGroupOpengid(groupId, opengid) {
      await inner.setGroupOpengid(groupId, opengid);
      groupChanged(groupId);
    },
  };
  // Everything else goes straight through; own properties such as the SQLite handle stay visible.
  return Object.assign(Object.create(Object.getPrototypeOf(inner)), inner, overrides) as S;
}
