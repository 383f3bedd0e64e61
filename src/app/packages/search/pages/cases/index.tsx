// 全部事项 (issue 19): every case of the caller's scope — an admin's groups, a leader's, a department
// head's department, the owner's organisation — by kind, state, group, period, person, title text and
// overdue only, newest or oldest deadline first. Pull down to refresh; more load at the bottom.
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import {
  CASE_KIND_LABELS,
  CASE_KINDS,
  SEARCH_ORDER_LABELS,
  SEARCH_TEXT_MIN,
  SEARCH_TOTAL_CAP,
  type ActionInput,
  type CaseKind,
  type CaseSearchResult,
  type CaseView,
  type SearchOrder,
} from '../../../../../contract';
import { call } from '../../../../api';
import { Btn } from '../../../../components/Btn';
import { CaseCard } from '../../../../components/CaseCard';
import { EmptyState } from '../../../../components/EmptyState';
import { PagedList } from '../../../../components/PagedList';
import { usePaged } from '../../../../hooks/usePaged';
import { caseRoute, routes } from '../../../../lib/routes';
import { formatDate } from '../../../../lib/time';

const DAY = 86_400_000;
const PERIODS: { days: number | null; label: string }[] = [
  { days: null, label: '不限时间' },
  { days: 7, label: '近 7 天' },
  { days: 30, label: '近 30 天' },
  { days: 90, label: '近 90 天' },
  { days: 365, label: '近一年' },
];

interface Filters {
  kind: CaseKind | null;
  state: string | null;
  groupId: string | null;
  periodDays: number | null;
  overdueOnly: boolean;
  order: SearchOrder;
  text: string;
  person: string;
}
const NO_FILTERS: Filters = { kind: null, state: null, groupId: null, periodDays: null, overdueOnly: false, order: 'dueDesc', text: '', person: '' };

/** The call the filters stand for: only what is set. */
export function searchInput(f: Filters, offset: number, limit: number, now = Date.now()): ActionInput<'cases.search'> {
  const input: ActionInput<'cases.search'> = { order: f.order, offset, limit };
  if (f.kind) input.kinds = [f.kind];
  if (f.kind && f.state) input.states = [f.state];
  if (f.groupId) input.groupId = f.groupId;
  if (f.periodDays !== null) input.from = formatDate(now - (f.periodDays - 1) * DAY);
  if (f.overdueOnly) input.overdueOnly = true;
  if (f.text.trim()) input.text = f.text.trim();
  if (f.person.trim()) input.personQuery = f.person.trim();
  return input;
}

function Chips<T>({ options, value, onPick }: { options: { value: T; label: string }[]; value: T; onPick: (v: T) => void }) {
  return (
    <View className="qw-row qw-chips">
      {options.map((o) => (
        <View key={String(o.value)} className={`qw-chip${o.value === value ? ' qw-chip--on' : ''}`} onClick={() => onPick(o.value)}>
          {o.label}
        </View>
      ))}
    </View>
  );
}

export default function SearchCasesPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [textDraft, setTextDraft] = useState('');
  const [personDraft, setPersonDraft] = useState('');
  const [meta, setMeta] = useState<Pick<CaseSearchResult, 'groups' | 'states' | 'people' | 'totalCapped'>>({ groups: [], states: [], people: [], totalCapped: false });
  const [showFilters, setShowFilters] = useState(true);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const list = usePaged<CaseView, CaseSearchResult>(
    (offset, limit) => call('cases.search', searchInput(filtersRef.current, offset, limit)),
    (page) => setMeta({ groups: page.groups, states: page.states, people: page.people, totalCapped: page.totalCapped }),
  );
  // A changed filter loads the first page again (the mount's own load is usePaged's).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void list.reload();
  }, [filters]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const textShort = textDraft.trim() !== '' && [...textDraft.trim().replace(/\s+/g, '')].length < SEARCH_TEXT_MIN;
  const applySearch = () => {
    if (!textShort) set({ text: textDraft, person: personDraft });
  };
  const clearAll = () => {
    setTextDraft('');
    setPersonDraft('');
    setFilters(NO_FILTERS);
  };
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  const total = meta.totalCapped ? `${SEARCH_TOTAL_CAP}+` : String(list.total);

  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">全部事项</View>
        <View className="qw-header__sub">{list.status === 'ok' ? `找到 ${total} 项，${SEARCH_ORDER_LABELS[filters.order]}` : '你可查看的群里的全部事项'}</View>
      </View>

      <View className="qw-card qw-search">
        <View className="qw-field">
          <Input
            className={`qw-input${textShort ? ' qw-input--invalid' : ''}`}
            placeholder="标题文字：昵称、违规类别、事件标题…"
            value={textDraft}
            confirmType="search"
            onInput={(e) => setTextDraft(e.detail.value)}
            onConfirm={applySearch}
          />
          {textShort ? <Text className="qw-hint">标题文字请至少输入 {SEARCH_TEXT_MIN} 个字</Text> : null}
        </View>
        <View className="qw-field">
          <Input className="qw-input" placeholder="人员：姓名或群昵称（当事人或申请人）" value={personDraft} confirmType="search" onInput={(e) => setPersonDraft(e.detail.value)} onConfirm={applySearch} />
        </View>
        <View className="qw-row">
          <Btn small disabled={textShort} onClick={applySearch}>
            搜索
          </Btn>
          <Btn small kind="ghost" onClick={() => setShowFilters((s) => !s)}>
            {showFilters ? '收起筛选' : '展开筛选'}
          </Btn>
          {filtered ? (
            <Btn small kind="ghost" onClick={clearAll}>
              清除筛选
            </Btn>
          ) : null}
        </View>

        {showFilters ? (
          <View>
            <View className="qw-row qw-chips">
              <View className={`qw-chip${filters.overdueOnly ? ' qw-chip--on' : ''}`} onClick={() => set({ overdueOnly: !filters.overdueOnly })}>
                只看超期
              </View>
              <View className="qw-chip qw-chip--on" aria-label="切换排序" onClick={() => set({ order: filters.order === 'dueDesc' ? 'dueAsc' : 'dueDesc' })}>
                {filters.order === 'dueDesc' ? '截止最新在前 ⇅' : '截止最早在前 ⇅'}
              </View>
            </View>
            <View className="qw-kv__k">种类</View>
            <Chips
              options={[{ value: null as CaseKind | null, label: '全部种类' }, ...CASE_KINDS.map((k) => ({ value: k as CaseKind | null, label: CASE_KIND_LABELS[k] }))]}
              value={filters.kind}
              onPick={(kind) => set({ kind, state: null })}
            />
            {filters.kind && meta.states.length ? (
              <View>
                <View className="qw-kv__k">状态</View>
                <Chips options={[{ value: null as string | null, label: '全部状态' }, ...meta.states.map((s) => ({ value: s.id as string | null, label: s.label }))]} value={filters.state} onPick={(state) => set({ state })} />
              </View>
            ) : null}
            {meta.groups.length > 1 ? (
              <View>
                <View className="qw-kv__k">群</View>
                <Chips options={[{ value: null as string | null, label: '全部群' }, ...meta.groups.map((g) => ({ value: g.id as string | null, label: g.name }))]} value={filters.groupId} onPick={(groupId) => set({ groupId })} />
              </View>
            ) : null}
            <View className="qw-kv__k">发起时间</View>
            <Chips options={PERIODS.map((p) => ({ value: p.days, label: p.label }))} value={filters.periodDays} onPick={(periodDays) => set({ periodDays })} />
          </View>
        ) : null}
      </View>

      {filters.person.trim() && list.status === 'ok' ? (
        <View className="qw-hint">
          {meta.people.length ? `人员：${meta.people.map((p) => p.name).join('、')}` : `你可查看的群里没有名为“${filters.person.trim()}”的人员`}
        </View>
      ) : null}

      <PagedList
        list={list}
        what="全部事项"
        render={(c) => <CaseCard key={c.id} item={c} showSubject onTap={() => void Taro.navigateTo({ url: caseRoute(c) })} />}
        empty={
          filtered ? (
            <EmptyState title="没有符合条件的事项" description="试试放宽条件：换一个种类、状态或时间段，或清除全部筛选。" actionText="清除筛选" onAction={clearAll} />
          ) : (
            <EmptyState title="还没有事项" description="你管理、领导或所在部门的群里有人提出申请或被处理时，事项会出现在这里。" />
          )
        }
        onError={(f) =>
          f.code === 'FORBIDDEN' ? (
            <EmptyState
              title="全部事项供管理员和领导查看"
              description="群管理员、上级领导、部门负责人和系统管理员可以在这里查找所辖群的事项。你自己的事项在「首页」查看。"
              actionText="回到首页"
              onAction={() => void Taro.switchTab({ url: routes.home })}
            />
          ) : undefined
        }
      />
    </View>
  );
}
