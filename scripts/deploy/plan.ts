// What the deploy sets up, read from the project at run time: the collections and indexes of
// src/server/collections.ts, each cloud function's folder and config.json, the template purposes of
// the settings contract. Nothing here is copied, so a collection someone adds is deployed too.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COLLECTIONS, INDEXES, LOCAL_ONLY, type CollectionName } from '../../src/server/collections';
import { DEFAULT_SETTINGS } from '../../src/contract';
import type { IndexCreate } from './wechat-api';

export const ROOT = join(__dirname, '..', '..');

/** The deploy's own record of what it created (indexes, uploaded code), in the cloud database. */
export const LEDGER = 'deploy_state';

/** Client access to the database: none. Functions bypass security rules, so the product works through them. */
export const COLLECTION_RULE = { read: false, write: false };
/**
 * Cloud storage: only the functions read (record access goes through grants and short links); a
 * signed-in user may upload, and overwrite or delete only what they uploaded.
 */
export const STORAGE_RULE = { read: false, write: 'resource.openid == auth.openid' };

export function cloudCollections(): string[] {
  return [...COLLECTIONS.filter((c) => !LOCAL_ONLY.includes(c)), LEDGER];
}

export interface CloudIndex {
  collection: string;
  name: string;
  create: IndexCreate;
  /** e.g. "assignees 升序, open 升序". */
  label: string;
}

export function cloudIndexes(): CloudIndex[] {
  return INDEXES.filter((ix) => !LOCAL_ONLY.includes(ix.collection as CollectionName)).map((ix) => ({
    collection: ix.collection,
    name: ix.name,
    create: {
      name: ix.name,
      unique: false,
      keys: ix.fields.map(([field, order]) => ({ name: field, direction: order === 1 ? '1' : '-1' })),
    },
    label: ix.fields.map(([f, o]) => `${f} ${o === 1 ? '升序' : '降序'}`).join(', '),
  }));
}

export interface FunctionTrigger {
  name: string;
  type: string;
  config: string;
}

export interface FunctionSpec {
  name: string;
  dir: string;
  openapi: string[];
  triggers: FunctionTrigger[];
  /** Seconds; config.json's `timeout` where it has one. */
  timeout: number;
}

/** Without a timeout of its own a function is killed at WeChat's default 3 s. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

/** Every folder of cloudfunctions/ with a config.json is a function to deploy. */
export function functionSpecs(root = ROOT): FunctionSpec[] {
  const base = join(root, 'cloudfunctions');
  return readdirSync(base)
    .filter((name) => existsSync(join(base, name, 'config.json')))
    .sort()
    .map((name) => {
      const dir = join(base, name);
      const cfg = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
        permissions?: { openapi?: string[] };
        triggers?: FunctionTrigger[];
        timeout?: number;
      };
      return {
        name,
        dir,
        openapi: [...(cfg.permissions?.openapi ?? [])].sort(),
        triggers: cfg.triggers ?? [],
        timeout: typeof cfg.timeout === 'number' ? cfg.timeout : DEFAULT_TIMEOUT_SECONDS,
      };
    });
}

/** The purposes the product sends subscription messages for, as the settings contract lists them. */
export function templatePurposes(): string[] {
  return Object.keys(DEFAULT_SETTINGS.templates);
}

/** SHA-256 over a folder's files (path and content), skipping node_modules and source maps. */
export function hashTree(dir: string, skip: (rel: string) => boolean = () => false): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === 'node_modules') continue;
      const p = join(d, name);
      const rel = relative(dir, p);
      if (skip(rel)) continue;
      if (statSync(p).isDirectory()) walk(p);
      else h.update(rel).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** What WeChat receives of a function: the bundle, its package.json and config.json. */
export function functionHash(spec: FunctionSpec): string {
  return hashTree(spec.dir, (rel) => rel.endsWith('.map') || rel.endsWith('.ts'));
}
