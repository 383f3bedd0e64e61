// An admin opens a violation case (§7): member, category, what happened, evidence, severity. The
// penalty ladder proposes the step and says why; a lighter step needs a written reason. The group's
// chat-record backups can be ticked as evidence: the case then shows each one's citation (§6.2).
import { Text, Textarea, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import {
  CITED_BACKUPS_MAX,
  DESCRIPTION_MAX,
  LADDER_STEPS,
  PENALTY_LABELS,
  REASON_MAX,
  SEVERITIES,
  SEVERITY_LABELS,
  type BackupView,
  type Failure,
  type LadderStep,
  type Severity,
  type ViolationForm,
  type WhoAmI,
} from '../../../../../contract';
import { call } from '../../../../api';
import { Chips } from '../../../../components/ActionForm';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { ImagePicker, type Picked } from '../../../../components/ImagePicker';
import { Loading } from '../../../../components/Loading';
import { newRequestId } from '../../../../lib/ids';
import { routes } from '../../../../lib/routes';
import { loadWhoAmI } from '../../../../lib/session';

export default function NewViolationPage() {
  const [groups, setGroups] = useState<WhoAmI['groups'] | null>(null);
  const [groupId, setGroupId] = useState<string | null>(null);
  useEffect(() => {
    void loadWhoAmI().then((r) => {
      const mine = r.ok ? r.data.groups.filter((g) => g.roles.includes('admin')) : [];
      setGroups(mine);
      if (mine.length === 1) setGroupId(mine[0].id);
    });
  }, []);
  if (!groups) return <Loading />;
  if (!groups.length) return <EmptyState title="你不是任何群的管理员" description="只有群管理员可以处理群成员违规。" />;
  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">处理群成员违规</View>
        <View className="qw-header__sub">按《微信群管理员制度规范》第七条：警告、移出群聊（报领导备案）或报领导给予纪律处分。</View>
      </View>
      {groups.length > 1 ? (
        <View className="qw-card">
          <View className="qw-section-title">群</View>
          <Chips choices={groups.map((g) => ({ value: g.id, label: g.name }))} value={groupId} onChange={setGroupId} />
        </View>
      ) : null}
      {groupId ? <CaseForm key={groupId} groupId={groupId} /> : null}
    </View>
  );
}

function CaseForm({ groupId }: { groupId: string }) {
  const [form, setForm] = useState<ViolationForm | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [severity, setSeverity] = useState<Severity | null>(null);
  const [step, setStep] = useState<LadderStep | null>(null);
  const [description, setDescription] = useState('');
  const [lighterReason, setLighterReason] = useState('');
  const [images, setImages] = useState<Picked[]>([]);
  const [backups, setBackups] = useState<BackupView[]>([]);
  const [backupIds, setBackupIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [requestId] = useState(newRequestId);

  useEffect(() => {
    let stale = false;
    void call('violation.form', subjectId && severity ? { groupId, subjectId, severity } : { groupId }).then((r) => {
      if (stale) return;
      if (!r.ok) return setFailure(r);
      setForm(r.data);
      setStep(r.data.proposal?.step ?? null);
    });
    return () => {
      stale = true;
    };
  }, [groupId, subjectId, severity]);

  useEffect(() => {
    let stale = false;
    void call('backups.list', { groupId }).then((r) => {
      if (!stale && r.ok) setBackups(r.data.backups);
    });
    return () => {
      stale = true;
    };
  }, [groupId]);

  if (!form) return failure ? <ErrorBanner failure={failure} /> : <Loading />;
  const proposal = form.proposal;
  const lighter = proposal && step && LADDER_STEPS.indexOf(step) < LADDER_STEPS.indexOf(proposal.step);
  const ready = subjectId && category && severity && step && description.trim() && (!lighter || lighterReason.trim());

  async function submit() {
    if (!ready || busy) return;
    setBusy(true);
    setFailure(null);
    const r = await call('violation.open', {
      groupId,
      subjectId: subjectId!,
      category: category!,
      severity: severity!,
      step: step!,
      description: description.trim(),
      evidence: images.map((i) => i.fileId),
      ...(backupIds.length ? { backupIds } : {}),
      ...(lighter ? { lighterReason: lighterReason.trim() } : {}),
      requestId,
    });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    void Taro.showToast({ title: '已处理并通知成员', icon: 'success' });
    void Taro.redirectTo({ url: routes.violationAdmin(r.data.id) });
  }

  return (
    <>
      <View className="qw-card">
        <View className="qw-section-title">违规成员</View>
        <Chips choices={form.members.map((m) => ({ value: m.id, label: m.name }))} value={subjectId} onChange={setSubjectId} />
        <View className="qw-section-title">违规类别</View>
        <Chips choices={form.categories.map((c) => ({ value: c, label: c }))} value={category} onChange={setCategory} />
        <View className="qw-section-title">情节</View>
        <Chips choices={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} value={severity} onChange={(v) => setSeverity(v as Severity)} />
        <View className="qw-section-title">情况说明</View>
        <Textarea
          className="qw-textarea"
          value={description}
          maxlength={DESCRIPTION_MAX}
          placeholder="发生了什么：时间、内容、影响（必填）"
          onInput={(e) => setDescription(e.detail.value)}
        />
        <View className="qw-section-title">证据</View>
        <ImagePicker folder={`evidence/${groupId}`} value={images} onChange={setImages} />
        {backups.length ? <CitedBackups backups={backups} value={backupIds} onChange={setBackupIds} /> : null}
      </View>
      {proposal ? (
        <View className="qw-card" data-testid="proposal">
          <View className="qw-section-title">处理建议：{PENALTY_LABELS[proposal.step]}</View>
          {proposal.reasons.map((r) => (
            <View className="qw-hint" key={r}>
              {r}
            </View>
          ))}
          <View className="qw-section-title">处理</View>
          <Chips
            choices={LADDER_STEPS.slice(0, LADDER_STEPS.indexOf(proposal.step) + 1).map((s) => ({ value: s, label: PENALTY_LABELS[s] }))}
            value={step}
            onChange={(v) => setStep(v as LadderStep)}
          />
          {lighter ? (
            <Textarea
              className="qw-textarea"
              value={lighterReason}
              maxlength={REASON_MAX}
              placeholder="从轻处理的理由（必填），将记入处理记录"
              onInput={(e) => setLighterReason(e.detail.value)}
            />
          ) : null}
          <Text className="qw-hint">{`成员将收到通知，可在 ${form.appealDays} 个工作日内申诉。`}</Text>
        </View>
      ) : (
        <View className="qw-notice">选择成员和情节后，系统按处罚规则给出处理建议。</View>
      )}
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={!ready || busy} onClick={() => void submit()}>
        确认处理并通知成员
      </Btn>
    </>
  );
}

/** Tick up to CITED_BACKUPS_MAX of the group's backups; the case will cite each (group, period, id, SHA-256). */
function CitedBackups({ backups, value, onChange }: { backups: BackupView[]; value: string[]; onChange: (ids: string[]) => void }) {
  const toggle = (id: string) => {
    if (value.includes(id)) onChange(value.filter((v) => v !== id));
    else if (value.length < CITED_BACKUPS_MAX) onChange([...value, id]);
    else void Taro.showToast({ title: `最多引用 ${CITED_BACKUPS_MAX} 份备份`, icon: 'none' });
  };
  return (
    <View data-testid="cited-backups-pick">
      <View className="qw-section-title">引用聊天记录备份（可选）</View>
      <View className="qw-row qw-chips">
        {backups.map((b) => (
          <View
            key={b.id}
            className={`qw-chip${value.includes(b.id) ? ' qw-chip--on' : ''}`}
            role="checkbox"
            aria-checked={value.includes(b.id)}
            onClick={() => toggle(b.id)}
          >
            {`${b.from} 至 ${b.to}（${b.storage === 'cloud' ? '云端' : '本地'}）`}
          </View>
        ))}
      </View>
      <Text className="qw-hint">处理记录将注明所引用备份的出处：群、时间段、备份编号和 SHA-256 校验值。</Text>
    </View>
  );
}
