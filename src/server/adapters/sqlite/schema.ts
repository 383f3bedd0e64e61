// Documents as JSON, one table per collection, with the fields collections.ts indexes copied into
// plain columns on every write; array fields get a side table with one row per element.
// Plain columns rather than generated ones: an index on a generated column does not cover it, so
// sorting by it would parse the JSON of every matching row.
import type Database from 'better-sqlite3';
import { indexesOf, type CollectionName, type IndexSpec } from '../../collections';

export type Db = Database.Database;
export type Doc = { _id: string } & Record<string, unknown>;
type SqlValue = string | number | null;

/** Column name of a document field; `_id` is the primary key itself. */
export function col(field: string): string {
  return field === '_id' ? '_id' : `f_${field.replace(/[^A-Za-z0-9]/g, '_')}`;
}

export function sideTable(ix: IndexSpec): string {
  return `${ix.collection}__${ix.name}`;
}

function getPath(doc: Record<string, unknown>, path: string): unknown {
  let v: unknown = doc;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The value json_extract would give (booleans as 1/0), so a backfilled column compares the same. */
function sqlValue(v: unknown): SqlValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

function sideRows(ix: IndexSpec, doc: Doc): SqlValue[][] {
  const raw = getPath(doc, ix.arrayField!);
  const elements = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  const rest = ix.fields.filter(([f]) => f !== ix.arrayField && f !== '_id').map(([f]) => sqlValue(getPath(doc, f)));
  return [...new Set(elements.map(sqlValue))].map((v) => [doc._id, v, ...rest]);
}

/** Fields of the collection kept in columns of its own table: those of its non-array indexes. */
export function columnFields(name: CollectionName): string[] {
  const fields = indexesOf(name)
    .filter((ix) => !ix.arrayField)
    .flatMap((ix) => ix.fields.map(([f]) => f))
    .filter((f) => f !== '_id');
  return [...new Set(fields)];
}

/** Create the collection's table, columns, indexes and side tables (idempotent). */
export function ensureCollection(db: Db, name: CollectionName): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${name} (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
  const have = new Set((db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).map((r) => r.name));
  for (const field of columnFields(name)) {
    if (have.has(col(field))) continue;
    db.exec(`ALTER TABLE ${name} ADD COLUMN ${col(field)}`);
    // A database from before this index: fill the column from the documents.
    db.exec(`UPDATE ${name} SET ${col(field)} = json_extract(doc, '$.${field}')`);
  }
  for (const ix of indexesOf(name)) {
    if (ix.arrayField) {
      ensureSideTable(db, ix);
      continue;
    }
    const cols = ix.fields.map(([f, o]) => `${col(f)}${o === -1 ? ' DESC' : ''}`).join(', ');
    db.exec(`CREATE INDEX IF NOT EXISTS ${name}__${ix.name} ON ${name} (${cols})`);
  }
}

function ensureSideTable(db: Db, ix: IndexSpec): void {
  const table = sideTable(ix);
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
  if (exists) return;
  const fields = ix.fields.filter(([f]) => f !== '_id');
  const columns = ['_id TEXT NOT NULL', ...fields.map(([f]) => `${col(f)}`)].join(', ');
  // Clustered on the index itself: the inbox is read straight off the primary key.
  const key = [...fields.map(([f, o]) => `${col(f)}${o === -1 ? ' DESC' : ''}`), '_id'].join(', ');
  db.exec(`CREATE TABLE ${table} (${columns}, PRIMARY KEY (${key})) WITHOUT ROWID`);
  db.exec(`CREATE INDEX ${table}__id ON ${table} (_id)`);
  // An existing database that predates the index (or a bulk load): fill it from the documents,
  // through a plain table copied over in key order (inserting in document order is ~10× slower).
  const n = fields.length + 1;
  db.exec(`CREATE TEMP TABLE fill_side (${columns})`);
  const fill = db.prepare(`INSERT INTO temp.fill_side VALUES (${Array(n).fill('?').join(', ')})`);
  // A page at a time: the connection cannot write while a query is being iterated.
  const page = db.prepare(`SELECT _id, doc FROM ${ix.collection} WHERE _id > ? ORDER BY _id LIMIT 5000`);
  for (let after = '', rows: { _id: string; doc: string }[]; (rows = page.all(after) as typeof rows).length; after = rows[rows.length - 1]._id) {
    for (const row of rows) for (const r of sideRows(ix, JSON.parse(row.doc) as Doc)) fill.run(sideOrder(ix, r));
  }
  db.exec(`INSERT OR IGNORE INTO ${table} SELECT * FROM temp.fill_side ORDER BY ${key}; DROP TABLE temp.fill_side`);
}

/** A side row (sideRows' order: _id, the array field, the rest) in the side table's column order. */
function sideOrder(ix: IndexSpec, r: SqlValue[]): SqlValue[] {
  const fields = ix.fields.filter(([f]) => f !== '_id').map(([f]) => f);
  const rest = fields.filter((f) => f !== ix.arrayField);
  const at = new Map<string, SqlValue>([[ix.arrayField!, r[1]], ...rest.map((f, i) => [f, r[i + 2]] as [string, SqlValue])]);
  return [r[0], ...fields.map((f) => at.get(f) ?? null)];
}

function sideInsert(db: Db, ix: IndexSpec): Database.Statement {
  const n = ix.fields.filter(([f]) => f !== '_id').length + 1;
  const cols = ['_id', col(ix.arrayField!), ...ix.fields.filter(([f]) => f !== ix.arrayField && f !== '_id').map(([f]) => col(f))];
  return db.prepare(`INSERT OR IGNORE INTO ${sideTable(ix)} (${cols.join(', ')}) VALUES (${Array(n).fill('?').join(', ')})`);
}

/** One collection's documents: reads parse the JSON (a fresh copy), writes keep columns and side tables in step. */
export class Collection<T extends { _id: string }> {
  private readonly stmts = new Map<string, Database.Statement>();
  private readonly sides: { del: Database.Statement; ins: Database.Statement; ix: IndexSpec }[];
  private readonly fields: string[];
  private readonly setColumns: string;

  constructor(
    readonly db: Db,
    readonly name: CollectionName,
  ) {
    ensureCollection(db, name);
    this.fields = columnFields(name);
    this.setColumns = ['doc', ...this.fields.map(col)].map((c) => `${c} = ?`).join(', ');
    this.sides = indexesOf(name)
      .filter((ix) => ix.arrayField)
      .map((ix) => ({ ix, ins: sideInsert(db, ix), del: db.prepare(`DELETE FROM ${sideTable(ix)} WHERE _id = ?`) }));
  }

  stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  get(id: string): T | null {
    const row = this.stmt(`SELECT doc FROM ${this.name} WHERE _id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  getMany(ids: string[]): T[] {
    const out: T[] = [];
    const unique = [...new Set(ids)];
    // Chunks stay under SQLite's bound-parameter limit.
    for (let i = 0; i < unique.length; i += 500) {
      const chunk = unique.slice(i, i + 500);
      out.push(...this.where(`_id IN (${chunk.map(() => '?').join(', ')})`, chunk));
    }
    return out;
  }

  /** Documents matching a SQL condition over the columns `col()` names, plus ORDER/LIMIT if given. */
  where(condition: string, params: unknown[], tail = ''): T[] {
    const rows = this.stmt(`SELECT doc FROM ${this.name} WHERE ${condition} ${tail}`).all(...params) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as T);
  }

  count(condition: string, params: unknown[]): number {
    return (this.stmt(`SELECT COUNT(*) AS n FROM ${this.name} WHERE ${condition}`).get(...params) as { n: number }).n;
  }

  private row(doc: T): SqlValue[] {
    return [JSON.stringify(doc), ...this.fields.map((f) => sqlValue(getPath(doc as unknown as Doc, f)))];
  }

  private insertSql(conflict: string): string {
    const cols = ['_id', 'doc', ...this.fields.map(col)];
    return `INSERT INTO ${this.name} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ${conflict}`;
  }

  /** false when the _id exists already. */
  insert(doc: T): boolean {
    const r = this.stmt(this.insertSql('ON CONFLICT(_id) DO NOTHING')).run(doc._id, ...this.row(doc));
    if (r.changes) this.syncSides(doc);
    return r.changes > 0;
  }

  /** Throws on an existing _id, like the cloud database's add. */
  insertStrict(doc: T): void {
    this.stmt(this.insertSql('')).run(doc._id, ...this.row(doc));
    this.syncSides(doc);
  }

  put(doc: T): void {
    this.stmt(this.insertSql(`ON CONFLICT(_id) DO UPDATE SET ${this.setColumns.replace(/(\w+) = \?/g, '$1 = excluded.$1')}`)).run(
      doc._id,
      ...this.row(doc),
    );
    this.syncSides(doc);
  }

  /**
   * Replace the document only where `condition` (over the stored row) holds too; true when it did.
   * Only the columns whose value changes are set, and side rows are rewritten only when they change:
   * an index is touched only when its key does (setting every column made an update ~3× slower).
   */
  replaceIf(doc: T, condition: string, params: unknown[]): boolean {
    return this.replaceTx(doc, condition, params);
  }

  // One transaction (a savepoint inside another), so the columns compared are the ones replaced.
  private replaceTxFn?: (doc: T, condition: string, params: unknown[]) => boolean;
  private get replaceTx() {
    return (this.replaceTxFn ??= this.db.transaction((doc: T, condition: string, params: unknown[]) => this.replaceNow(doc, condition, params)));
  }

  private replaceNow(doc: T, condition: string, params: unknown[]): boolean {
    const cur = this.stmt(`SELECT ${['doc', ...this.fields.map(col)].join(', ')} FROM ${this.name} WHERE _id = ?`).get(doc._id) as Record<string, SqlValue> | undefined;
    if (!cur) return false;
    const values = this.row(doc);
    const changed = this.fields.map((f, i) => [f, values[i + 1]] as const).filter(([f, v]) => cur[col(f)] !== v);
    const sets = ['doc = ?', ...changed.map(([f]) => `${col(f)} = ?`)].join(', ');
    const r = this.stmt(`UPDATE ${this.name} SET ${sets} WHERE _id = ? AND (${condition})`).run(values[0], ...changed.map(([, v]) => v), doc._id, ...params);
    if (!r.changes) return false;
    if (this.sides.length) {
      const before = JSON.parse(cur.doc as string) as Doc;
      for (const s of this.sides) {
        const rows = sideRows(s.ix, doc as unknown as Doc);
        if (JSON.stringify(rows) === JSON.stringify(sideRows(s.ix, before))) continue;
        s.del.run(doc._id);
        for (const row of rows) s.ins.run(row);
      }
    }
    return true;
  }

  replace(doc: T): void {
    this.replaceIf(doc, '1', []);
  }

  /**
   * Many new documents in one transaction (a bulk load): the collection's indexes and side tables
   * are dropped while the rows go in and built again after, which SQLite does by sorting, far faster
   * than keeping every index up to date row by row. The same rows and indexes as insert(); throws on
   * an existing _id.
   */
  bulkInsert(docs: Iterable<T>): number {
    let n = 0;
    this.db.transaction(() => {
      for (const ix of indexesOf(this.name)) this.db.exec(ix.arrayField ? `DROP TABLE IF EXISTS ${sideTable(ix)}` : `DROP INDEX IF EXISTS ${this.name}__${ix.name}`);
      const insert = this.db.prepare(this.insertSql(''));
      for (const doc of docs) {
        insert.run(doc._id, ...this.row(doc));
        n++;
      }
      ensureCollection(this.db, this.name);
    })();
    return n;
  }

  private syncSides(doc: T): void {
    for (const s of this.sides) {
      s.del.run(doc._id);
      for (const r of sideRows(s.ix, doc as unknown as Doc)) s.ins.run(r);
    }
  }
}
