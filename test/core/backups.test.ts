import { DEFAULT_SETTINGS } from '../../src/contract';
import { checkPeriod, citationOf, citationsOf, coverage, coverageGaps, mergePeriods, overlapping, overlapsOf } from '../../src/core/backups';

const b = (id: string, from: string, to: string) => ({ _id: id, from, to });

describe('backup periods', () => {
  it.each([
    [{ from: '2026-11-01', to: '2026-11-30' }, '2026-11-24', '结束日期不能晚于今天（2026-11-24）'],
    [{ from: '2026-11-10', to: '2026-11-09' }, '2026-11-24', '开始日期不能晚于结束日期'],
    [{ from: '2026-02-30', to: '2026-03-01' }, '2026-11-24', '日期不存在，请检查'],
  ])('should refuse %j on %s: %s', (p, today, message) => {
    expect(checkPeriod(p, today)).toEqual({ code: 'PERIOD_INVALID', message });
  });

  it('should accept a one-day period ending today', () => {
    expect(checkPeriod({ from: '2026-11-24', to: '2026-11-24' }, '2026-11-24')).toBeNull();
  });
});

describe('coverage', () => {
  it('should merge overlapping and touching periods and keep the rest apart', () => {
    expect(
      mergePeriods([
        { from: '2026-10-01', to: '2026-10-31' },
        { from: '2026-09-01', to: '2026-09-30' },
        { from: '2026-10-15', to: '2026-11-05' },
        { from: '2026-11-10', to: '2026-11-12' },
      ]),
    ).toEqual([
      { from: '2026-09-01', to: '2026-11-05' },
      { from: '2026-11-10', to: '2026-11-12' },
    ]);
  });

  it('should show the uncovered days from the group start to the latest backup as gaps', () => {
    const covered = mergePeriods([
      { from: '2026-08-01', to: '2026-08-31' },
      { from: '2026-10-01', to: '2026-10-31' },
    ]);
    expect(coverageGaps(covered, '2026-07-15')).toEqual([
      { from: '2026-07-15', to: '2026-07-31' },
      { from: '2026-09-01', to: '2026-09-30' },
    ]);
    expect(coverageGaps([], '2026-07-15')).toEqual([]);
  });

  it('should be due a month after the last covered day, and overdue after the configured working days', () => {
    const periods = [{ from: '2026-10-01', to: '2026-10-31' }];
    const s = DEFAULT_SETTINGS.backup; // monthly, 3 working days
    expect(coverage(periods, '2026-01-01', '2026-11-30', s)).toMatchObject({ nextDue: '2026-12-01', status: 'ok' });
    expect(coverage(periods, '2026-01-01', '2026-12-01', s)).toMatchObject({ status: 'due', overdueAfter: '2026-12-04' });
    expect(coverage(periods, '2026-01-01', '2026-12-04', s).status).toBe('due');
    // 12-05/06 are a weekend; the 7th is past the three working days.
    expect(coverage(periods, '2026-01-01', '2026-12-07', s).status).toBe('overdue');
  });

  it('should count a group without backups from its first day, and follow the configured period', () => {
    expect(coverage([], '2026-09-10', '2026-10-09', DEFAULT_SETTINGS.backup)).toMatchObject({ nextDue: '2026-10-10', status: 'ok', covered: [] });
    expect(coverage([], '2026-09-10', '2026-11-24', { periodMonths: 3, overdueWorkingDays: 1 })).toMatchObject({ nextDue: '2026-12-10', status: 'ok' });
  });
});

describe('which backups a request reaches', () => {
  const all = [b('sep', '2026-09-01', '2026-09-30'), b('oct', '2026-10-01', '2026-10-31'), b('mid', '2026-10-20', '2026-11-10'), b('nov', '2026-11-11', '2026-11-20')];

  it('should grant exactly the backups sharing at least one day with the range', () => {
    expect(overlapping(all, { from: '2026-10-31', to: '2026-11-10' }).map((x) => x._id)).toEqual(['oct', 'mid']);
    expect(overlapping(all, { from: '2026-09-30', to: '2026-09-30' }).map((x) => x._id)).toEqual(['sep']);
    expect(overlapping(all, { from: '2026-11-21', to: '2026-11-24' })).toEqual([]);
  });

  it('should name the other backups a backup overlaps', () => {
    expect(overlapsOf(all[1], all)).toEqual(['mid']);
    expect(overlapsOf(all[0], all)).toEqual([]);
  });
});

describe('citation', () => {
  it('should name the group, the period, the backup id and its SHA-256', () => {
    const sha = 'ab'.repeat(32);
    expect(citationOf({ _id: 'bk_1', from: '2026-10-01', to: '2026-10-31', storage: 'cloud', sha256: sha, location: null }, '市场部工作群')).toBe(
      `来源：「市场部工作群」群聊记录（2026-10-01 至 2026-10-31），备份编号 bk_1，SHA-256 ${sha}`,
    );
  });

  it('should say where a local backup is kept and that it has no checksum', () => {
    expect(citationOf({ _id: 'bk_2', from: '2026-10-01', to: '2026-10-31', storage: 'local', sha256: null, location: '档案柜 A-3' }, '项目A群')).toContain(
      '本地存储于 档案柜 A-3，无校验值',
    );
  });
});

describe('citations of the backups a case cites', () => {
  const sha = 'ab'.repeat(32);
  const cloud = { _id: 'bk_1', from: '2026-10-01', to: '2026-10-31', storage: 'cloud' as const, sha256: sha, location: null };
  const local = { _id: 'bk_2', from: '2026-09-01', to: '2026-09-30', storage: 'local' as const, sha256: null, location: '档案柜 A-3' };

  it('should list one citation per cited backup in the order cited, each naming its SHA-256 or where it is kept', () => {
    expect(citationsOf(['bk_2', 'bk_1'], [cloud, local], '项目A群')).toEqual([
      { backupId: 'bk_2', citation: '来源：「项目A群」群聊记录（2026-09-01 至 2026-09-30），备份编号 bk_2，本地存储于 档案柜 A-3，无校验值' },
      { backupId: 'bk_1', citation: `来源：「项目A群」群聊记录（2026-10-01 至 2026-10-31），备份编号 bk_1，SHA-256 ${sha}` },
    ]);
  });

  it('should still name a cited backup that can no longer be found', () => {
    expect(citationsOf(['bk_gone'], [cloud], '项目A群')).toEqual([{ backupId: 'bk_gone', citation: '备份编号 bk_gone（找不到该备份记录）' }]);
  });
});
