// 聊天记录备份 (§6.1): per group, what is covered, the gaps, when the next backup is due, every
// registered backup, and (for admins) the form to register a new one.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { LOCATION_MAX, REASON_MAX, type BackupStorage, type BackupView, type Failure, type GroupBackups, type WhoAmI } from '../../../../../contract';
import { call, isH5 } from '../../../../api';
import { uploadFile } from '../../../../api/files';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { KvRow } from '../../../../components/KvRow';
import { RemoteView } from '../../../../components/RemoteView';
import { Tag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { newRequestId } from '../../../../lib/ids';
import { lastMonth, todayDate } from '../../../../lib/periods';
import { routes } from '../../../../lib/routes';
import { loadWhoAmI } from '../../../../lib/session';
import { isIsoDate } from '../../../../lib/time';
import { BackupStorageRow } from '../../components/BackupStorageRow';

export default function BackupsPage() {
  const { params } = useRouter();
  const me = useRemote(() => loadWhoAmI());
  return (
    <View className="qw-page">
      <RemoteView remote={me}>{(who) => <GroupPicker me={who} initial={params.groupId} />}</RemoteView>
    </View>
  );
}

function GroupPicker({ me, initial }: { me: WhoAmI; initial?: string }) {
  const groups = me.groups.filter((g) => g.roles.includes('admin') || g.roles.includes('leader'));
  const [groupId, setGroupId] = useState(groups.find((g) => g.id === initial)?.id ?? groups[0]?.id);
  if (!groupId) return <View className="qw-notice">你不是任何群的管理员或上级领导。</View>;
  return (
    <>
      {groups.length > 1 ? (
        <View className="qw-row">
          {groups.map((g) => (
            <Btn key={g.id} kind={g.id === groupId ? 'primary' : 'ghost'} small onClick={() => setGroupId(g.id)}>
              {g.name}
            </Btn>
          ))}
        </View>
      ) : null}
      <GroupBackupsView key={groupId} groupId={groupId} />
    </>
  );
}

function GroupBackupsView({ groupId }: { groupId: string }) {
  const remote = useRemote(() => call('backups.list', { groupId }), { refreshOnShow: true });
  return (
    <RemoteView remote={remote}>
      {(data) => (
        <>
          <Coverage data={data} />
          {data.canManage ? <RegisterForm groupId={groupId} onDone={() => void remote.reload()} /> : null}
          <View className="qw-section-title">{`已登记的备份（${data.backups.length}）`}</View>
          {data.backups.length === 0 ? <View className="qw-notice">该群还没有登记任何备份。</View> : null}
          {data.backups.map((b) => (
            <BackupCard key={b.id} b={b} />
          ))}
        </>
      )}
    </RemoteView>
  );
}

const STATUS: Record<GroupBackups['coverage']['status'], { tone: 'success' | 'warning' | 'danger'; text: string }> = {
  ok: { tone: 'success', text: '按期' },
  due: { tone: 'warning', text: '该备份了' },
  overdue: { tone: 'danger', text: '已逾期' },
};

function Coverage({ data }: { data: GroupBackups }) {
  const { coverage } = data;
  const rows = [
    ...coverage.covered.map((p) => ({ ...p, kind: 'covered' as const })),
    ...coverage.gaps.map((p) => ({ ...p, kind: 'gap' as const })),
  ].sort((a, b) => a.from.localeCompare(b.from));
  const status = STATUS[coverage.status];
  return (
    <View className="qw-card">
      <View className="qw-row qw-row--between">
        <Text className="qw-group__name">{data.group.name}</Text>
        <Tag tone={status.tone}>{status.text}</Tag>
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">下次备份</Text>
        <Text className="qw-kv__v">{`${coverage.nextDue} 起（每 ${coverage.periodMonths} 个月一次）`}</Text>
      </View>
      <View className="qw-section-title">覆盖时间线</View>
      {rows.length === 0 ? <Text className="qw-hint">还没有任何备份。</Text> : null}
      {rows.map((r) => (
        <View className="qw-timeline__row" key={`${r.kind}${r.from}`}>
          <View className={`qw-timeline__bar ${r.kind === 'gap' ? 'qw-timeline__bar--gap' : ''}`} />
          <Text>{`${r.from} 至 ${r.to}　${r.kind === 'gap' ? '缺口：没有备份' : '已备份'}`}</Text>
        </View>
      ))}
      <View className="qw-timeline__row">
        <View className="qw-timeline__bar qw-timeline__bar--due" />
        <Text>{`${coverage.nextDue} 起　下一次备份`}</Text>
      </View>
    </View>
  );
}

function BackupCard({ b }: { b: BackupView }) {
  return (
    <View className="qw-card" data-backup={b.id} onClick={() => void Taro.navigateTo({ url: routes.backup(b.id) })}>
      <View className="qw-row qw-row--between">
        <Text className="qw-section-title">{`${b.from} 至 ${b.to}`}</Text>
        {b.lastVerify ? <Tag tone={b.lastVerify.intact ? 'success' : 'danger'}>{b.lastVerify.intact ? '完整' : '已损坏/已变更'}</Tag> : null}
      </View>
      <BackupStorageRow b={b} />
      <KvRow k="备份人">{b.madeBy.name}</KvRow>
      {b.sha256 ? <KvRow k="SHA-256">{`${b.sha256.slice(0, 16)}…`}</KvRow> : null}
      {b.overlaps.length ? <Text className="qw-hint">{`与另外 ${b.overlaps.length} 份备份的时间段重叠`}</Text> : null}
    </View>
  );
}

interface Picked {
  path: string;
  name: string;
}

/** weapp: pick an exported chat file from a WeChat chat; h5: the browser's file picker. */
async function pickFile(): Promise<Picked | null> {
  if (isH5()) return null; // the h5 form uses its own <input type="file">
  try {
    const r = await Taro.chooseMessageFile({ count: 1, type: 'all' });
    const f = r.tempFiles[0];
    return f ? { path: f.path, name: f.name } : null;
  } catch {
    return null;
  }
}

function RegisterForm({ groupId, onDone }: { groupId: string; onDone: () => void }) {
  const initial = lastMonth();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [storage, setStorage] = useState<BackupStorage>('cloud');
  const [file, setFile] = useState<Picked | null>(null);
  const [location, setLocation] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const requestId = useRef(newRequestId());
  // Remounts the browser's file input after a registration, so it no longer shows the old file.
  const [picker, setPicker] = useState(0);

  const today = todayDate();
  const rangeProblem = !isIsoDate(from) || !isIsoDate(to) ? '请按 YYYY-MM-DD 填写日期' : from > to ? '开始日期不能晚于结束日期' : to > today ? `结束日期不能晚于今天（${today}）` : null;
  const ready = !rangeProblem && (storage === 'cloud' ? !!file : location.trim().length > 0);

  async function submit() {
    if (!ready || busy) return;
    setBusy(true);
    setFailure(null);
    let fileId: string | undefined;
    if (storage === 'cloud' && file) {
      const up = await uploadFile(file.path, `backups/${groupId}`, file.name);
      if (!up.ok) {
        setBusy(false);
        return setFailure(up);
      }
      fileId = up.data.fileId;
    }
    const r = await call('backups.register', {
      groupId,
      from,
      to,
      storage,
      requestId: requestId.current,
      ...(fileId ? { fileId, fileName: file!.name.slice(0, 120) } : {}),
      ...(storage === 'local' ? { location: location.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    requestId.current = newRequestId();
    setFile(null);
    setPicker((n) => n + 1);
    setNote('');
    void Taro.showToast({ title: '已登记', icon: 'success' });
    onDone();
  }

  return (
    <View className="qw-card">
      <View className="qw-section-title">登记新备份</View>
      <View className="qw-label">备份覆盖的开始日期</View>
      <Input className="qw-input" value={from} maxlength={10} placeholder="YYYY-MM-DD" onInput={(e) => setFrom(e.detail.value.trim())} />
      <View className="qw-label">结束日期（不能晚于今天）</View>
      <Input className="qw-input" value={to} maxlength={10} placeholder="YYYY-MM-DD" onInput={(e) => setTo(e.detail.value.trim())} />
      {rangeProblem ? <View className="qw-issues__item">{rangeProblem}</View> : null}
      <View className="qw-label">存储方式</View>
      <View className="qw-row">
        <Btn kind={storage === 'cloud' ? 'primary' : 'ghost'} small onClick={() => setStorage('cloud')}>
          上传到云存储
        </Btn>
        <Btn kind={storage === 'local' ? 'primary' : 'ghost'} small onClick={() => setStorage('local')}>
          本地存储
        </Btn>
      </View>
      {storage === 'cloud' ? (
        <>
          {isH5() ? (
            <input
              key={picker}
              type="file"
              data-testid="backup-file"
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                setFile(f ? { path: URL.createObjectURL(f), name: f.name } : null);
              }}
            />
          ) : (
            <Btn kind="ghost" block onClick={() => void pickFile().then((f) => f && setFile(f))}>
              {file ? `已选择：${file.name}` : '从微信聊天中选择导出的记录文件'}
            </Btn>
          )}
          <Text className="qw-hint">支持导出的聊天记录文件、PDF 或图片。SHA-256 校验值由系统根据存储的文件计算。</Text>
        </>
      ) : (
        <>
          <View className="qw-label">存放位置</View>
          <Input className="qw-input" value={location} maxlength={LOCATION_MAX} placeholder="例如：行政部档案柜 A-3（U 盘）" onInput={(e) => setLocation(e.detail.value)} />
        </>
      )}
      <View className="qw-label">备注（可选）</View>
      <Textarea className="qw-textarea" value={note} maxlength={REASON_MAX} placeholder="例如：含群文件截图" onInput={(e) => setNote(e.detail.value)} />
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={!ready || busy} loading={busy} onClick={() => void submit()}>
        登记备份
      </Btn>
    </View>
  );
}

