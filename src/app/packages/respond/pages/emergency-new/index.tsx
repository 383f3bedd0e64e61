// 发起紧急事件 (§5.3 迅速组织…明确分工): what happened, a response deadline in minutes, and who
// does what. Every member of the group is alerted; each assignee must 接收 within the window.
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { DESCRIPTION_MAX, EMERGENCY_TASK_MAX, EMERGENCY_TITLE_MAX, type EmergencyForm, type Failure } from '../../../../../contract';
import { call, requestSubscribe } from '../../../../api';
import { Btn } from '../../../../components/Btn';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { ImagePicker, type Picked } from '../../../../components/ImagePicker';
import { RemoteView } from '../../../../components/RemoteView';
import { useRemote } from '../../../../hooks/useRemote';
import { newRequestId } from '../../../../lib/ids';
import { routes } from '../../../../lib/routes';
import { loadWhoAmI } from '../../../../lib/session';
import '../../respond.scss';

export default function EmergencyNewPage() {
  const { params } = useRouter();
  const groupId = params.groupId ?? '';
  const remote = useRemote(() => call('emergencies.form', { groupId }));
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(form) => <StartForm form={form} />}</RemoteView>
    </View>
  );
}

const minutes = (s: string) => (/^\d{1,4}$/.test(s) ? Number(s) : NaN);

export function StartForm({ form }: { form: EmergencyForm }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [respond, setRespond] = useState(String(form.respondMinutes));
  const [ack, setAck] = useState(String(form.ackMinutes));
  // Chosen members in the order they were tapped, each with a task.
  const [tasks, setTasks] = useState<{ personId: string; task: string }[]>([]);
  const [images, setImages] = useState<Picked[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [templates, setTemplates] = useState<string[]>([]);
  const requestId = useRef(newRequestId());
  useEffect(() => {
    // The starter hears of escalations and finished tasks.
    void loadWhoAmI().then((r) => setTemplates(r.ok ? [r.data.templates.escalation, r.data.templates.caseDecided].filter(Boolean) : []));
  }, []);

  const respondMin = minutes(respond);
  const ackMin = minutes(ack);
  const problem = !title.trim()
    ? '请填写事件标题'
    : !description.trim()
      ? '请写明发生了什么'
      : !(respondMin >= 5 && respondMin <= 1440)
        ? '响应时限请填 5 到 1440 分钟'
        : !(ackMin >= 1 && ackMin <= 120)
          ? '接收时限请填 1 到 120 分钟'
          : !tasks.length
            ? '请至少给一位成员分派任务'
            : tasks.some((t) => !t.task.trim())
              ? '请写明每位成员的任务'
              : null;

  function toggle(personId: string) {
    setTasks(tasks.some((t) => t.personId === personId) ? tasks.filter((t) => t.personId !== personId) : [...tasks, { personId, task: '' }]);
  }

  async function start() {
    if (problem || busy) return;
    // WeChat asks only inside the tap itself, so this comes before anything else is awaited.
    await requestSubscribe(templates);
    setBusy(true);
    setFailure(null);
    const r = await call('emergencies.start', {
      groupId: form.group.id,
      title: title.trim(),
      description: description.trim(),
      respondWithinMinutes: respondMin,
      ackWithinMinutes: ackMin,
      assignments: tasks.map((t) => ({ personId: t.personId, task: t.task.trim() })),
      images: images.map((i) => i.fileId),
      requestId: requestId.current,
    });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    void Taro.showToast({ title: '已通知全群', icon: 'success' });
    void Taro.redirectTo({ url: routes.emergency(r.data.id) });
  }

  const name = (id: string) => form.members.find((m) => m.id === id)?.name ?? id;
  return (
    <>
      <View className="qw-header">
        <View className="qw-header__title">发起紧急事件</View>
        <View className="qw-header__sub">{form.group.name} · 将通知全群成员，按分钟计时（夜间、周末、节假日照常）</View>
      </View>
      <View className="qw-card">
        <View className="qw-label">事件标题</View>
        <Input className="qw-input" value={title} maxlength={EMERGENCY_TITLE_MAX} placeholder="例如：客户现场投诉" onInput={(e) => setTitle(e.detail.value)} />
        <View className="qw-label">发生了什么</View>
        <Textarea className="qw-textarea" value={description} maxlength={DESCRIPTION_MAX} placeholder="时间、地点、现状和需要大家做什么" onInput={(e) => setDescription(e.detail.value)} />
        <ImagePicker folder={`emergencies/${form.group.id}`} value={images} onChange={setImages} />
        <View className="qw-label">响应时限（分钟）</View>
        <Input className="qw-input qw-input--number" type="number" value={respond} maxlength={4} onInput={(e) => setRespond(e.detail.value.trim())} />
        <View className="qw-label">接收时限（分钟）</View>
        <Input className="qw-input qw-input--number" type="number" value={ack} maxlength={3} onInput={(e) => setAck(e.detail.value.trim())} />
        <Text className="qw-hint">{`被分派的成员须在 ${Number.isNaN(ackMin) ? '—' : ackMin} 分钟内接收，逾时提醒；再过同样时间仍未接收，报告你和上级领导。`}</Text>
      </View>
      <View className="qw-card">
        <View className="qw-section-title">明确分工</View>
        <View className="qw-row qw-chips">
          {form.members.map((m) => (
            <View key={m.id} className={`qw-chip${tasks.some((t) => t.personId === m.id) ? ' qw-chip--on' : ''}`} data-member={m.id} onClick={() => toggle(m.id)}>
              {m.name}
            </View>
          ))}
        </View>
        {tasks.map((t) => (
          <View key={t.personId}>
            <View className="qw-label">{`${name(t.personId)} 的任务`}</View>
            <Input
              className="qw-input"
              value={t.task}
              maxlength={EMERGENCY_TASK_MAX}
              placeholder="例如：联系客户、到现场"
              data-task={t.personId}
              onInput={(e) => setTasks(tasks.map((x) => (x.personId === t.personId ? { ...x, task: e.detail.value } : x)))}
            />
          </View>
        ))}
      </View>
      {failure ? <ErrorBanner failure={failure} /> : null}
      {problem ? <View className="qw-issues__item">{problem}</View> : null}
      <Btn kind="danger" block disabled={!!problem || busy} loading={busy} onClick={() => void start()}>
        通知全群并分派任务
      </Btn>
    </>
  );
}
