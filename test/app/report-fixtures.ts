// A reports.overview answer with known numbers: two groups (市场部工作群, 项目A群), two weeks, typed
// by the contract so a change there breaks these fixtures at the type check.
import type { ExportResult, ExportView, ReportBucketView, ReportOverview, ReportShareCell } from '../../src/contract';

const buckets: ReportBucketView[] = [
  { start: '2026-11-02', label: '11月2日–11月8日', from: '2026-11-02', to: '2026-11-08' },
  { start: '2026-11-09', label: '11月9日–11月15日', from: '2026-11-09', to: '2026-11-15' },
];
const groups = [
  { id: 'g_market', name: '市场部工作群' },
  { id: 'g_proj_a', name: '项目A群' },
];
const cell = (metric: ReportOverview['cases']['closed'][number]['cells'][number]['drill']['metric'], i: number, value: number, key?: string) => ({
  value,
  drill: { metric, bucketStart: buckets[i].start, ...(key !== undefined ? { key } : {}) },
});
const share = (metric: 'naming' | 'backups' | 'acks', groupId: string, i: number, value: number, total: number): ReportShareCell => ({
  value,
  total,
  share: total ? value / total : null,
  drill: { metric, bucketStart: buckets[i]?.start ?? 'now', groupId },
});

export function overview(over: Partial<ReportOverview> = {}): ReportOverview {
  return {
    from: '2026-11-02',
    to: '2026-11-15',
    bucket: 'week',
    groupId: null,
    groups,
    buckets,
    asOf: Date.UTC(2026, 10, 15, 4, 0),
    cases: {
      opened: [
        { key: 'rename', label: '改名申请', cells: [cell('opened', 0, 2, 'rename'), cell('opened', 1, 5, 'rename')] },
        { key: 'violation', label: '违规处理', cells: [cell('opened', 0, 1, 'violation'), cell('opened', 1, 0, 'violation')] },
      ] as ReportOverview['cases']['opened'],
      closed: [{ key: 'rename', label: '改名申请', cells: [cell('closed', 0, 1, 'rename'), cell('closed', 1, 4, 'rename')] }],
      overdue: [{ key: 'rename', label: '改名申请', cells: [cell('overdue', 0, 0, 'rename'), cell('overdue', 1, 1, 'rename')] }],
      decided: [
        {
          key: 'rename',
          label: '改名申请',
          cells: [
            { ...cell('decided', 0, 1, 'rename'), medianMs: 86400_000, p90Ms: 86400_000 },
            { ...cell('decided', 1, 4, 'rename'), medianMs: 1.5 * 86400_000, p90Ms: 3 * 86400_000 },
          ],
        },
      ],
    },
    violations: {
      byCategory: [{ key: '广告推销、擅自拉票集赞', label: '广告推销、擅自拉票集赞', cells: [cell('violations', 0, 1, '广告推销、擅自拉票集赞'), cell('violations', 1, 0, '广告推销、擅自拉票集赞')] }],
      byMeasure: [{ key: 'warning', label: '警告', cells: [cell('measures', 0, 1, 'warning'), cell('measures', 1, 0, 'warning')] }],
    },
    appeals: { byOutcome: [], reachedLeader: [cell('appealsToLeader', 0, 0), cell('appealsToLeader', 1, 0)] },
    naming: groups.map((g) => ({
      groupId: g.id,
      name: g.name,
      cells: [share('naming', g.id, 0, 3, 4), null],
      now: share('naming', g.id, 9, 4, 4),
    })),
    backups: groups.map((g) => ({ groupId: g.id, name: g.name, cells: [share('backups', g.id, 0, 7, 7), share('backups', g.id, 1, 0, 7)] })),
    acks: groups.map((g) => ({ groupId: g.id, name: g.name, cells: [{ ...share('acks', g.id, 0, 0, 0), notices: 0 }, { ...share('acks', g.id, 1, 0, 0), notices: 0 }] })),
    empty: false,
    ...over,
  };
}

export function exportView(over: Partial<ExportView> = {}): ExportView {
  return {
    id: 'ex_1',
    by: { id: 'p_zhaomin', name: '赵敏' },
    at: Date.UTC(2026, 11, 1, 2, 0),
    filters: { groups: [{ id: 'g_proj_a', name: '项目A群' }], allInScope: false, from: '2026-11-01', to: '2026-11-30', kinds: null },
    rows: { cases: 12, history: 40 },
    fileName: '群务导出-20261201.xlsx',
    fileSha256: 'ab'.repeat(32),
    contentSha256: 'cd'.repeat(32),
    intact: true,
    ...over,
  };
}

export function exportResult(over: Partial<ExportResult> = {}): ExportResult {
  return { ...exportView(), url: '/files/x?token=t', expiresAt: Date.UTC(2026, 11, 1, 2, 10), repeated: false, ...over };
}
