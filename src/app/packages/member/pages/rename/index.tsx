// The rename request form (R2): shows the canonical nickname and why, checks the nickname with
// the very rule the server enforces, asks for a subscription grant, then files one request.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { NICKNAME_MAX_INPUT, REASON_MAX, ok, type Failure, type RenamePreview, type Result, type WhoAmI } from '../../../../../contract';
import { checkNickname, type NamingRule } from '../../../../../core/naming';
import { call, requestSubscribe } from '../../../../api';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { Tag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { newRequestId } from '../../../../lib/ids';
import { routes } from '../../../../lib/routes';
import { loadWhoAmI } from '../../../../lib/session';

interface FormData {
  preview: RenamePreview;
  templates: WhoAmI['templates'];
}

export default function RenamePage() {
  const { params } = useRouter();
  const groupId = params.groupId ?? '';
  const remote = useRemote(async (): Promise<Result<FormData>> => {
    const [preview, me] = await Promise.all([call('rename.preview', { groupId }), loadWhoAmI()]);
    if (!preview.ok) return preview;
    return ok({ preview: preview.data, templates: me.ok ? me.data.templates : {} });
  });
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(d) => <RenameForm preview={d.preview} templates={d.templates} />}</RemoteView>
    </View>
  );
}

export function RenameForm({ preview, templates }: FormData) {
  const [nickname, setNickname] = useState(preview.compliant && preview.current ? preview.current : preview.canonical);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // One id per form: a second tap, or a retry after a lost answer, files the same request.
  const requestId = useRef(newRequestId());
  const inFlight = useRef(false);

  const issues = useMemo(
    () => checkNickname(nickname, preview.subject, [preview.subject, ...preview.namesakes], preview.rule as NamingRule),
    [nickname, preview],
  );
  const valid = issues.length === 0;
  const unchanged = preview.current !== null && nickname.trim() === preview.current;
  const blocked = preview.openCaseId !== null;

  async function submit() {
    if (inFlight.current || !valid || blocked) return;
    inFlight.current = true;
    // WeChat only shows the grant popup from inside the tap, so this goes before any other await.
    const asked = requestSubscribe([templates.caseDecided ?? '']);
    setBusy(true);
    setFailure(null);
    await asked;
    const trimmedNote = note.trim();
    const r = await call('rename.submit', {
      groupId: preview.group.id,
      nickname: nickname.trim(),
      requestId: requestId.current,
      ...(trimmedNote ? { note: trimmedNote } : {}),
    });
    setBusy(false);
    if (!r.ok) {
      inFlight.current = false;
      setFailure(r);
      return;
    }
    void Taro.showToast({ title: '已提交', icon: 'success' });
    void Taro.redirectTo({ url: routes.case(r.data.id) });
  }

  return (
    <>
      <View className="qw-card">
        <View className="qw-muted">{preview.group.name} · 规范群昵称</View>
        <View className="qw-canonical" data-testid="canonical">
          {preview.canonical}
        </View>
        <View className="qw-reasons">
          {preview.reasons.map((r, i) => (
            <View className="qw-reasons__item" key={i}>
              {r}
            </View>
          ))}
        </View>
        <View className="qw-kv">
          <Text className="qw-kv__k">已登记昵称</Text>
          <Text className="qw-kv__v">{preview.current ?? '（未登记）'}</Text>
          {preview.compliant ? <Tag tone="success">合规</Tag> : <Tag tone="warning">需改名</Tag>}
        </View>
      </View>

      {blocked ? (
        <View className="qw-notice">
          你在该群已有一个待审批的改名申请，请等待处理或先撤回。
          <Text className="qw-link" onClick={() => void Taro.navigateTo({ url: routes.case(preview.openCaseId!) })}>
            查看申请
          </Text>
        </View>
      ) : null}

      <View className="qw-card">
        <View className="qw-label">新的群昵称</View>
        <Input
          className={`qw-input ${valid ? 'qw-input--valid' : 'qw-input--invalid'}`}
          value={nickname}
          maxlength={NICKNAME_MAX_INPUT}
          placeholder={preview.canonical}
          onInput={(e) => setNickname(e.detail.value)}
        />
        <View className="qw-issues">
          {valid ? (
            <Text className="qw-issues__ok">符合命名规范{unchanged ? '（与已登记的昵称相同）' : ''}</Text>
          ) : (
            issues.map((i) => (
              <View className="qw-issues__item" key={i.rule}>
                {i.message}
              </View>
            ))
          )}
        </View>
        <View className="qw-label">备注（可选）</View>
        <Textarea
          className="qw-textarea"
          value={note}
          maxlength={REASON_MAX}
          placeholder="例如：入职后首次登记"
          onInput={(e) => setNote(e.detail.value)}
        />
        {failure ? <ErrorBanner failure={failure} /> : null}
        <Btn block disabled={!valid || busy || blocked} loading={busy} onClick={() => void submit()}>
          提交申请
        </Btn>
        <Text className="qw-hint">提交后由群管理员审批；通过后请按提示在微信群里修改昵称。</Text>
      </View>
    </>
  );
}
