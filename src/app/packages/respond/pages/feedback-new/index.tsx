// 意见反馈 (§3.2): a member writes to the group's admins, optionally anonymous towards whoever will
// handle it. Before sending, open feedback of the group that reads alike is offered to second (附议).
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { FEEDBACK_TEXT_MAX, type Failure, type FeedbackForm, type FeedbackSimilarItem } from '../../../../../contract';
import { call, requestSubscribe } from '../../../../api';
import { Chips } from '../../../../components/ActionForm';
import { Btn } from '../../../../components/Btn';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { ImagePicker, type Picked } from '../../../../components/ImagePicker';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { newRequestId } from '../../../../lib/ids';
import { routes } from '../../../../lib/routes';
import { loadWhoAmI } from '../../../../lib/session';
import '../../respond.scss';

export default function FeedbackNewPage() {
  const { params } = useRouter();
  const groupId = params.groupId ?? '';
  const remote = useRemote(() => call('feedback.form', { groupId }));
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(form) => <FeedbackFormView form={form} />}</RemoteView>
    </View>
  );
}

export function FeedbackFormView({ form }: { form: FeedbackForm }) {
  const [category, setCategory] = useState<string | null>(form.categories[0] ?? null);
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [images, setImages] = useState<Picked[]>([]);
  // The similar feedback found for the text as it was when checked; null until checked.
  const [similar, setSimilar] = useState<{ text: string; items: FeedbackSimilarItem[] } | null>(null);
  const [seconded, setSeconded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [templates, setTemplates] = useState<string[]>([]);
  const requestId = useRef(newRequestId());
  useEffect(() => {
    void loadWhoAmI().then((r) => setTemplates(r.ok && r.data.templates.caseDecided ? [r.data.templates.caseDecided] : []));
  }, []);
  const written = text.trim();
  const shown = similar !== null && similar.text === written ? similar.items : null;
  const asked = useRef(false);

  async function send() {
    if (!written || !category || busy) return;
    // WeChat asks only inside the tap itself (once): the answer comes later, as a message.
    if (!asked.current) {
      asked.current = true;
      await requestSubscribe(templates);
    }
    setBusy(true);
    setFailure(null);
    if (!shown) {
      // First look for open feedback that says the same: seconding it beats a second copy.
      const s = await call('feedback.similar', { groupId: form.group.id, text: written });
      if (s.ok && s.data.items.length) {
        setBusy(false);
        return setSimilar({ text: written, items: s.data.items });
      }
    }
    const r = await call('feedback.submit', {
      groupId: form.group.id,
      category,
      text: written,
      anonymous,
      images: images.map((i) => i.fileId),
      requestId: requestId.current,
    });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    void Taro.showToast({ title: '已提交', icon: 'success' });
    void Taro.redirectTo({ url: routes.feedback(r.data.id) });
  }

  async function second(caseId: string) {
    setFailure(null);
    const r = await call('feedback.second', { caseId });
    if (!r.ok) return setFailure(r);
    setSeconded(caseId);
    setSimilar((s) => s && { ...s, items: s.items.map((i) => (i.caseId === caseId ? r.data : i)) });
    void Taro.showToast({ title: '已附议', icon: 'success' });
  }

  return (
    <>
      <View className="qw-header">
        <View className="qw-header__title">意见反馈</View>
        <View className="qw-header__sub">{`${form.group.name} · 由群管理员处理，必要时转交部门负责人或上级领导`}</View>
      </View>
      <View className="qw-card">
        <View className="qw-label">类别</View>
        <Chips choices={form.categories.map((c) => ({ value: c, label: c }))} value={category} onChange={setCategory} />
        <View className="qw-label">内容</View>
        <Textarea className="qw-textarea" value={text} maxlength={FEEDBACK_TEXT_MAX} placeholder="写下你的意见、建议或遇到的问题" onInput={(e) => setText(e.detail.value)} />
        <ImagePicker folder={`feedback/${form.group.id}`} value={images} onChange={setImages} />
        {/* A View, not Checkbox: as the pledge on the records form. */}
        <View className="qw-pledge" role="checkbox" aria-checked={anonymous} data-testid="anonymous" onClick={() => setAnonymous(!anonymous)}>
          <Text className={`qw-pledge__box ${anonymous ? 'qw-pledge__box--on' : ''}`}>{anonymous ? '✓' : ''}</Text>
          <Text>对处理部门匿名：群管理员知道是你，转交的部门负责人或领导只看到“一位群成员”</Text>
        </View>
      </View>
      {shown?.length ? (
        <View className="qw-card" data-testid="similar">
          <View className="qw-section-title">本群已有内容相近的反馈</View>
          <Text className="qw-hint">如果说的是同一件事，附议即可，处理人会看到附议人数；不是同一件事再提交。</Text>
          {shown.map((i) => (
            <View key={i.caseId} className="qw-em-task" data-similar={i.caseId}>
              <View className="qw-row qw-row--between">
                <Text className="qw-em-task__who">{i.category}</Text>
                <Text className="qw-muted">{`${i.stateLabel} · ${i.seconds} 人附议`}</Text>
              </View>
              <View className="qw-em-task__what">{i.text}</View>
              {i.mine ? (
                <Text className="qw-hint">这是你提交的反馈</Text>
              ) : i.secondedByMe ? (
                <Text className="qw-hint">你已附议</Text>
              ) : (
                <Btn kind="ghost" small onClick={() => void second(i.caseId)}>
                  附议 +1
                </Btn>
              )}
            </View>
          ))}
        </View>
      ) : null}
      {failure ? <ErrorBanner failure={failure} /> : null}
      {seconded ? (
        <Btn kind="ghost" block onClick={() => void Taro.navigateBack()}>
          已附议，返回
        </Btn>
      ) : null}
      <Btn block disabled={!written || !category || busy} loading={busy} onClick={() => void send()}>
        {shown?.length ? '不是同一件事，仍然提交' : '提交'}
      </Btn>
    </>
  );
}
