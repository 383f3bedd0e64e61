// Every case kind's table, by kind: what the one interpreter (core/engine.ts) runs.
import type { CaseDataByKind, CaseKind } from '../../contract';
import type { KindSpec } from '../engine';
import type { Case } from '../model';
import { renameKind } from './rename';
import { recordAccessKind } from './record-access';

export const KINDS: { [K in CaseKind]: KindSpec<Case<CaseDataByKind[K]>> } = {
  rename: renameKind,
  record_access: recordAccessKind,
} as never;
