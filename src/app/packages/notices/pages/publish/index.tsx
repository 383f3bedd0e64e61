// 发布通知 (§4.2–§4.4): the kinds this person may publish and to which groups, the format the
// regulation fixes, then 检查 (notices.preview: duplicates, near duplicates, attachments the body does
// not mention, who will owe an acknowledgement) before 发布. With `?correct=<id>` the same form
// publishes a correction that replaces that notice.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import {
  KEY_FACT_CHOICE_MAX,
  NOTICE_TITLE_MAX,
  ok,
  REASON_MAX,
  type ActionInput,
  type Failure,
  type NoticeDuplicateRef,
  type NoticeForm,
  type NoticeKind,
  type NoticePreview,
  type NoticeView,
  type Result,
} from '../../../../../contract';
import { call } from '../../../../api';
import { Chips } from '../../../../components/ActionForm';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { newRequestId } from '../../../../lib/ids';
import { routes } from '../../../../lib/routes';
import { formatDate, formatDeadline } from '../../../../lib/time';
import { AttachmentPicker, type AttachmentDraft } from '../../components/AttachmentPicker';
import '../../notices.scss';

interface Loaded {
  form: NoticeForm;
  original: NoticeView | null;
}

async function load(correct: string | undefined): Promise<Result<Loaded>> {
  const [form, original] = await Promise.all([call('notices.form', {}), correct ? call('notices.get', { noticeId: correct }) : null]);
  if (!form.ok) return form;
  if (original && !original.ok) return original;
  return ok({ form: form.data, original: original ? original.data : null });
}

export default function PublishPage() {
  const { params } = useRouter();
  const remote = useRemote(() => load(params.correct));
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(d) => <PublishForm form={d.form} original={d.original} />}</RemoteView>
    </View>
  );
}

interface KeyFactDraft {
  question: string;
  choices: [string, string, string];
  answer: number | null;
}

const NO_KEY_FACT: KeyFactDraft = { question: '', choices: ['', '', ''], answer: null };
type Draft = ActionInput<'notices.preview'>;

export function PublishForm({ form, original }: { form: NoticeForm; original: NoticeView | null }) {
  const kinds = form.kinds.filter((k) => k.groups.length > 0);
  const [kind, setKindState] = useState<NoticeKind | undefined>(kinds.find((k) => k.kind === original?.kind)?.kind ?? kinds[0]?.kind);
  const allowed = kinds.find((k) => k.kind === kind);
  const [groupIds, setGroupIds] = useState<string[]>(() => {
    const reach = allowed?.groups.map((g) => g.id) ?? [];
    if (original) return original.groups.map((g) => g.id).filter((id) => reach.includes(id));
    return reach.length === 1 ? reach : [];
  });
  const [title, setTitle] = useState(original?.title ?? '');
  const [body, setBody] = useState(original?.body ?? '');
  const [attachments, setAttachments] = useState<AttachmentDraft[]>(
    original?.attachments.map((a) => ({ fileId: a.fileId, fileName: a.name, name: a.name, description: a.description })) ?? [],
  );
  const [ackDays, setAckDays] = useState('');
  // The correct answer is never sent back to the reader, so a correction marks it again.
  const [keyFact, setKeyFact] = useState<KeyFactDraft | null>(
    original?.keyFact ? { question: original.keyFact.question, choices: [...original.keyFact.choices] as KeyFactDraft['choices'], answer: null } : null,
  );
  const [preview, setPreview] = useState<NoticePreview | null>(null);
  const [nearReason, setNearReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const requestId = useRef(newRequestId());

  if (!kind || !allowed) {
    return (
      <EmptyState
        title="你暂时没有可以发布通知的群"
        description="一般工作信息由部门成员发往本部门的群；重要通知由部门负责人或指定的发布人发布；群管理员可向自己管理的群发布。"
      />
    );
  }

  /** Any change to the draft makes the last check stale: 发布 waits for a new one. */
  function edit<T>(set: (v: T) => void) {
    return (v: T) => {
      set(v);
      setPreview(null);
      setFailure(null);
    };
  }
  function setKind(k: string) {
    const next = kinds.find((x) => x.kind === k)!;
    setKindState(next.kind);
    setGroupIds((ids) => ids.filter((id) => next.groups.some((g) => g.id === id)));
    if (next.kind !== 'important') setKeyFact(null);
    setPreview(null);
  }
  const toggleGroup = edit((id: string) => setGroupIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id])));

  const days = ackDays.trim();
  const problems = [
    !groupIds.length && '请选择发往的群',
    !title.trim() && '请填写标题',
    !body.trim() && '请填写正文',
    body.length > form.bodyMax && `正文超出 ${body.length - form.bodyMax} 字，请精简到 ${form.bodyMax} 字以内`,
    attachments.some((a) => !a.name.trim() || !a.description.trim()) && '每个附件都要填写名称和说明',
    days && !(/^\d+$/.test(days) && Number(days) >= 1 && Number(days) <= 30) && '确认期限请填写 1–30 之间的工作日数',
    keyFact && (!keyFact.question.trim() || keyFact.choices.some((c) => !c.trim()) || keyFact.answer === null) && '确认要点：请填写问题和三个选项，并标出正确的一项',
  ].filter((p): p is string => !!p);

  function draft(text = body): Draft {
    return {
      groupIds,
      kind: kind!,
      title: title.trim(),
      body: text.trim(),
      ...(attachments.length ? { attachments: attachments.map((a) => ({ fileId: a.fileId, name: a.name.trim(), description: a.description.trim() })) } : {}),
      ...(days ? { ackDueDays: Number(days) } : {}),
      ...(keyFact ? { keyFact: { question: keyFact.question.trim(), choices: keyFact.choices.map((c) => c.trim()), answer: keyFact.answer! } } : {}),
    };
  }

  async function check(text = body) {
    if (busy || problems.length) return;
    setBusy(true);
    setFailure(null);
    // A correction names the notice it replaces: the server leaves that one out of the duplicate check.
    const r = await call('notices.preview', original ? { ...draft(text), noticeId: original.id } : draft(text));
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setPreview(r.data);
  }

  /** 加入正文: the suggested line goes at the end of the body, and the check runs again on it. */
  function addLine(line: string) {
    const next = `${body.replace(/\s+$/, '')}\n${line}`;
    setBody(next);
    void check(next);
  }

  const nearNeeded = !!preview?.near.length;
  const canPublish = !!preview && !preview.duplicate && !preview.unmentioned.length && (!nearNeeded || !!nearReason.trim()) && !busy;

  async function publish() {
    if (!canPublish) return;
    setBusy(true);
    setFailure(null);
    const input = { ...draft(), requestId: requestId.current, ...(nearNeeded ? { confirmNearDuplicate: nearReason.trim() } : {}) };
    const r = original ? await call('notices.correct', { ...input, noticeId: original.id }) : await call('notices.publish', input);
    setBusy(false);
    if (!r.ok) {
      setFailure(r);
      // Someone published meanwhile: the check is no longer what the server sees.
      if (r.code === 'NOTICE_DUPLICATE' || r.code === 'NEAR_DUPLICATE') setPreview(null);
      return;
    }
    void Taro.showToast({ title: original ? '已发布更正' : '已发布', icon: 'success' });
    void Taro.redirectTo({ url: routes.notice(r.data.id) });
  }

  return (
    <>
      <View className="qw-header">
        <View className="qw-header__title">{original ? '更正通知' : '发布通知'}</View>
        <View className="qw-header__sub">
          {original
            ? `更正《${original.title}》：发布后替换原通知，已确认原通知的人需要重新确认。`
            : `发布部门：${form.dept.name}。发布日期由系统在发布时填写。`}
        </View>
      </View>

      <View className="qw-card">
        <View className="qw-section-title">信息类别</View>
        <Chips choices={kinds.map((k) => ({ value: k.kind, label: k.label }))} value={kind} onChange={setKind} />
        <Text className="qw-hint">{allowed.rule}</Text>
        <View className="qw-label">发往的群（可多选）</View>
        {allowed.groups.map((g) => {
          const on = groupIds.includes(g.id);
          return (
            <View className="qw-pledge" key={g.id} role="checkbox" aria-checked={on} data-group={g.id} onClick={() => toggleGroup(g.id)}>
              <Text className={`qw-pledge__box ${on ? 'qw-pledge__box--on' : ''}`}>{on ? '✓' : ''}</Text>
              <Text>{g.name}</Text>
            </View>
          );
        })}
      </View>

      <View className="qw-card">
        <View className="qw-label">{`标题（${title.length} / ${NOTICE_TITLE_MAX}）`}</View>
        <Input className="qw-input" value={title} maxlength={NOTICE_TITLE_MAX} placeholder="标题（必填，简明扼要）" onInput={(e) => edit(setTitle)(e.detail.value)} />
        <View className="qw-label">正文</View>
        <Textarea
          className="qw-textarea qw-textarea--tall"
          value={body}
          maxlength={form.bodyMax}
          placeholder="正文（纯文字，简洁明了，不加空行和装饰符号）"
          onInput={(e) => edit(setBody)(e.detail.value)}
        />
        <Text className="qw-hint" data-testid="body-count">{`还可输入 ${Math.max(0, form.bodyMax - body.length)} 字（上限 ${form.bodyMax} 字）`}</Text>
        <View className="qw-label">附件</View>
        <AttachmentPicker folder={`notices/${form.dept.id}`} value={attachments} onChange={edit(setAttachments)} />
      </View>

      <View className="qw-card">
        <View className="qw-label">确认期限（工作日，选填）</View>
        <Input
          className="qw-input"
          type="number"
          value={ackDays}
          maxlength={2}
          placeholder={`不填则为 ${form.ackDays} 个工作日`}
          onInput={(e) => edit(setAckDays)(e.detail.value)}
        />
        {kind === 'important' ? <KeyFactEditor value={keyFact} onChange={edit(setKeyFact)} /> : null}
      </View>

      {problems.map((p) => (
        <View className="qw-issues__item" key={p}>
          {p}
        </View>
      ))}
      <Btn kind="ghost" block disabled={busy || problems.length > 0} onClick={() => void check()}>
        检查
      </Btn>
      {preview ? <PreviewResult preview={preview} nearReason={nearReason} onNearReason={setNearReason} onAddLine={addLine} /> : null}
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={!canPublish} loading={busy} onClick={() => void publish()}>
        {original ? '发布更正' : '发布'}
      </Btn>
      {!preview ? <Text className="qw-hint">发布前须先检查格式和重复。</Text> : null}
    </>
  );
}

/** 确认要点: a question, three choices, the right one marked (an important notice may ask for it). */
function KeyFactEditor({ value, onChange }: { value: KeyFactDraft | null; onChange: (v: KeyFactDraft | null) => void }) {
  const on = value !== null;
  return (
    <View data-testid="key-fact">
      <View className="qw-pledge" role="checkbox" aria-checked={on} onClick={() => onChange(on ? null : NO_KEY_FACT)}>
        <Text className={`qw-pledge__box ${on ? 'qw-pledge__box--on' : ''}`}>{on ? '✓' : ''}</Text>
        <Text>要求确认要点：成员须先选对通知的要点（如通知中的日期），确认才算数</Text>
      </View>
      {value ? (
        <>
          <Input
            className="qw-input"
            value={value.question}
            maxlength={KEY_FACT_CHOICE_MAX}
            placeholder="问题，例如：活动在哪一天举行？"
            onInput={(e) => onChange({ ...value, question: e.detail.value })}
          />
          {value.choices.map((c, i) => (
            <View className="qw-row qw-row--between" key={i}>
              <Input
                className="qw-input"
                value={c}
                maxlength={KEY_FACT_CHOICE_MAX}
                placeholder={`选项 ${i + 1}`}
                onInput={(e) => onChange({ ...value, choices: value.choices.map((x, j) => (j === i ? e.detail.value : x)) as KeyFactDraft['choices'] })}
              />
              <Text className={`qw-chip${value.answer === i ? ' qw-chip--on' : ''}`} data-answer={i} onClick={() => onChange({ ...value, answer: i })}>
                {value.answer === i ? '✓ 正确' : '设为正确'}
              </Text>
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}

function Earlier({ d }: { d: NoticeDuplicateRef }) {
  return (
    <View className="qw-list-item qw-earlier" data-earlier={d.noticeId} onClick={() => void Taro.navigateTo({ url: routes.notice(d.noticeId) })}>
      <Text>{`《${d.title}》 ${formatDate(d.publishedAt)} · ${d.groupNames.join('、')}`}</Text>
      <Text className="qw-link">查看 ›</Text>
    </View>
  );
}

function PreviewResult(p: { preview: NoticePreview; nearReason: string; onNearReason: (v: string) => void; onAddLine: (line: string) => void }) {
  const { duplicate, near, unmentioned, owed, ackDueAt } = p.preview;
  return (
    <View className="qw-card" data-testid="preview">
      <View className="qw-section-title">检查结果</View>
      {duplicate ? (
        <View className="qw-notice qw-notice--strong" data-testid="duplicate">
          {duplicate.why === 'attachment' ? '所选的群近期已发布过含相同附件的通知，不能重复发布：' : '所选的群近期已发布过相同的通知，不能重复发布：'}
          <Earlier d={duplicate} />
        </View>
      ) : null}
      {near.length ? (
        <View className="qw-notice" data-testid="near">
          与近期的通知内容相近，请确认不是重复发布，并写明理由：
          {near.map((n) => (
            <View key={n.noticeId}>
              <Earlier d={n} />
              <Text className="qw-hint">{`相似度 ${Math.round(n.similarity * 100)}%`}</Text>
            </View>
          ))}
          <Textarea
            className="qw-textarea"
            value={p.nearReason}
            maxlength={REASON_MAX}
            placeholder="确认理由（必填），例如：时间有变，重新发布"
            onInput={(e) => p.onNearReason(e.detail.value)}
          />
        </View>
      ) : null}
      {unmentioned.map((u) => (
        <View className="qw-notice" key={u.name} data-unmentioned={u.name}>
          <View>{`正文没有提到附件《${u.name}》，建议加入：`}</View>
          <View className="qw-row qw-row--between">
            <Text>{u.line}</Text>
            <Btn kind="ghost" small onClick={() => p.onAddLine(u.line)}>
              加入正文
            </Btn>
          </View>
        </View>
      ))}
      {!duplicate && !near.length && !unmentioned.length ? <View className="qw-issues__ok">格式符合要求，没有发现重复的通知。</View> : null}
      <View className="qw-kv">
        <Text className="qw-kv__k">需确认人数</Text>
        <Text className="qw-kv__v" data-testid="owed">{`${owed} 人`}</Text>
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">确认截止</Text>
        <Text className="qw-kv__v">{formatDeadline(ackDueAt)}</Text>
      </View>
    </View>
  );
}
