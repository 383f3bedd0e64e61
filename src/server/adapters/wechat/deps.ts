// What both cloud functions run on, built from the initialised SDK inside the entry (never at
// module level, so tests build their own).
import { randomUUID } from 'node:crypto';
import { cachedStore } from '../cached-store';
import type { Deps } from '../../ports';
import { auditKeysFromEnv } from '../../cases/audit';
import { createWechatFiles } from './files';
import { createWechatMediaCheck } from './media-check';
import { createWechatContentCheck, createWechatNotifier, createWechatOpenData } from './openapi';
import { createWechatStore } from './store';
import type { WxCloud } from './types';

export function wechatDeps(cloud: WxCloud): Deps {
  return {
    // Built once per function instance, so the directory cache lives as long as the instance.
    store: cachedStore(createWechatStore(cloud.database())),
    notifier: createWechatNotifier(cloud),
    content: createWechatContentCheck(cloud),
    files: createWechatFiles(cloud),
    openData: createWechatOpenData(cloud),
    clock: { now: () => Date.now() },
    // The owner is set at deployment, never "whoever calls first".
    ownerOpenid: process.env.OWNER_OPENID ?? null,
    ids: randomUUID,
    // Set at deployment (AUDIT_KEY, AUDIT_KEY_ID, AUDIT_OLD_KEYS): the database never holds them.
    audit: auditKeysFromEnv(process.env),
    media: createWechatMediaCheck(cloud),
  };
}
