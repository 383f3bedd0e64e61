import { canonicalNickname, checkNickname, type NamingRule, type NamingSubject } from '../../src/core/naming';

const rule: NamingRule = { separator: '-', maxLength: 20 };
const zhangsanMarket: NamingSubject = { personId: 'p1', name: '张三', department: '市场部', employeeNo: '1024' };
const zhangsanTech: NamingSubject = { personId: 'p2', name: '张三', department: '技术部', employeeNo: '2048' };
const lisi: NamingSubject = { personId: 'p3', name: '李四', department: '市场部', employeeNo: '3001' };

describe('naming rule (§2.2)', () => {
  it('should build 姓名-部门 when nobody in the group shares the name', () => {
    const r = canonicalNickname(zhangsanMarket, [zhangsanMarket, lisi], rule);
    expect(r).toMatchObject({ canonical: '张三-市场部', requiresSuffix: false });
  });

  it('should require the employee number when two members share a name, and say why', () => {
    const r = canonicalNickname(zhangsanMarket, [zhangsanMarket, zhangsanTech, lisi], rule);
    expect(r.canonical).toBe('张三-市场部-1024');
    expect(r.requiresSuffix).toBe(true);
    expect(r.reasons.join()).toContain('另有 1 位成员也叫“张三”');
  });

  it('should use the configured separator', () => {
    expect(canonicalNickname(lisi, [lisi], { ...rule, separator: '·' }).canonical).toBe('李四·市场部');
  });

  it('should accept exactly the canonical form', () => {
    expect(checkNickname('张三-市场部', zhangsanMarket, [zhangsanMarket, lisi], rule)).toEqual([]);
    expect(checkNickname(' 张三-市场部-1024 ', zhangsanMarket, [zhangsanMarket, zhangsanTech], rule)).toEqual([]);
  });

  const cases: [string, string, NamingSubject[], string][] = [
    ['empty', '   ', [zhangsanMarket], 'empty'],
    ['missing suffix with a namesake', '张三-市场部', [zhangsanMarket, zhangsanTech], 'suffix_required'],
    ['wrong suffix with a namesake', '张三-市场部-9999', [zhangsanMarket, zhangsanTech], 'suffix_mismatch'],
    ['suffix without a namesake', '张三-市场部-1024', [zhangsanMarket, lisi], 'suffix_not_allowed'],
    ['another name', '张三丰-市场部', [zhangsanMarket], 'name'],
    ['another department', '张三-技术部', [zhangsanMarket], 'department'],
    ['no separator', '张三市场部', [zhangsanMarket], 'separator'],
    ['emoji', '张三-市场部😀', [zhangsanMarket], 'characters'],
    ['spaces inside', '张三 - 市场部', [zhangsanMarket], 'characters'],
  ];
  it.each(cases)('should refuse %s', (_label, nick, members, rule_) => {
    const issues = checkNickname(nick, zhangsanMarket, members, rule);
    expect(issues.map((i) => i.rule)).toContain(rule_);
    expect(issues.every((i) => /[\u4e00-\u9fa5]/.test(i.message))).toBe(true);
  });

  it('should refuse a nickname longer than the configured maximum', () => {
    const long: NamingSubject = { personId: 'p9', name: '欧阳娜娜', department: '华东区域市场营销与品牌推广中心', employeeNo: '1' };
    const issues = checkNickname('欧阳娜娜-华东区域市场营销与品牌推广中心', long, [long], { ...rule, maxLength: 12 });
    expect(issues.map((i) => i.rule)).toEqual(['length']);
    expect(issues[0].message).toContain('最多 12 个字');
  });

  it('should accept the middle dot of a minority name', () => {
    const s: NamingSubject = { personId: 'p8', name: '阿依古丽·买买提', department: '技术部', employeeNo: '7' };
    expect(checkNickname('阿依古丽·买买提-技术部', s, [s], rule)).toEqual([]);
  });
});
