// One notice as §4.4 sets it out: title, 发布部门 and 发布日期 at the top, then the body and the
// attachments. A member who owes it acknowledges here (picking the key fact first when asked); the
// publisher and the groups' admins see the counts, withdraw or correct, and share the card into the
// WeChat group (the mini-program cannot post there itself).
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ok, REASON_MAX, type Failure, type NoticeAttachmentView, type NoticeView, type Result } from '../../../../../contract';
import { call, isH5 } from '../../../../api';
import { ActionForm, Chips } from '../../../../components/ActionForm';
import { Btn } from '../../../../components/Btn';
import { Deadline } from '../../../../components/Deadline';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { Tag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { useShare } from '../../../../hooks/useShare';
import { routes } from '../../../../lib/routes';
import { formatDate, formatDateTime } from '../../../../lib/time';
import { NoticeCounts, STATUS_TONES } from '../../components/NoticeCard';
import '../../notices.scss';

export default function NoticePage() {
  const { params } = useRouter();
  const noticeId = params.id ?? '';
  const remote = useRemote(() => loadNotice(noticeId), { refreshOnShow: true });
  // WeChat asks the page for the card when the person taps 转发 in the ··· menu; a withdrawn notice is not passed on.
  useShare(remote.data && remote.data.status !== 'withdrawn' ? remote.data.share : null);
  /** An answer to an action here keeps the counts; one's own acknowledgement changes them, so they are read again. */
  function onChange(prev: NoticeView, next: NoticeView) {
    remote.replace(next.stats || !prev.stats ? next : { ...next, stats: prev.stats });
    if (next.canReceipts && prev.mine.ackedAt === null && next.mine.ackedAt !== null) void remote.reload();
  }
  return (
    <View className="qw-page">
      <RemoteView remote={remote} what="通知" noAccess="这条通知只对收到它的群的成员、发布人和群管理员可见。">{(n) => <NoticeDetail notice={n} onChange={(next) => onChange(n, next)} />}</RemoteView>
    </View>
  );
}

/**
 * The notice, with the counts for whoever may see the receipts: when notices.get leaves them out,
 * they come from notices.receipts (its totals, with one name), so the way to 确认情况 is always there.
 */
async function loadNotice(noticeId: string): Promise<Result<NoticeView>> {
  const r = await call('notices.get', { noticeId });
  if (!r.ok || !r.data.canReceipts || r.data.stats) return r;
  const receipts = await call('notices.receipts', { noticeId, limit: 1 });
  return receipts.ok ? ok({ ...r.data, stats: receipts.data.total }) : r;
}

export function NoticeDetail({ notice: n, onChange }: { notice: NoticeView; onChange: (n: NoticeView) => void }) {
  const active = n.status === 'active';
  const [withdrawing, setWithdrawing] = useState(false);
  return (
    <>
      <View className="qw-card">
        <View className="qw-row qw-row--between">
          <Text className="qw-case-card__kind">{n.kindLabel}</Text>
          <Tag tone={STATUS_TONES[n.status]}>{n.statusLabel}</Tag>
        </View>
        <View className="qw-notice-title">{n.title}</View>
        <View className="qw-notice-meta">{`发布部门：${n.dept.name}　发布日期：${formatDate(n.publishedAt)}`}</View>
        {n.status === 'withdrawn' ? (
          <View className="qw-notice qw-notice--strong">{`本通知已撤回${n.withdrawReason ? `：${n.withdrawReason}` : ''}`}</View>
        ) : null}
        {n.status === 'corrected' && n.correctedBy ? (
          <View className="qw-notice qw-notice--strong" onClick={() => void Taro.redirectTo({ url: routes.notice(n.correctedBy!) })}>
            本通知已更正，请以更正后的通知为准。<Text className="qw-link">查看更正后的通知 ›</Text>
          </View>
        ) : null}
        {n.corrects ? (
          <View className="qw-hint" onClick={() => void Taro.navigateTo({ url: routes.notice(n.corrects!) })}>
            本通知是对原通知的更正，<Text className="qw-link">查看原通知 ›</Text>
          </View>
        ) : null}
        <View className="qw-notice-body">{n.body}</View>
        {n.attachments.map((a) => (
          <Attachment key={a.fileId} a={a} />
        ))}
        {n.hiddenAttachments ? (
          <View className="qw-notice" data-testid="hidden-attachments">
            {`${n.hiddenAttachments} 张图片未通过微信内容安全检查，已隐藏${n.canManage ? '。如需补发，请更正通知并换一张图片' : ''}`}
          </View>
        ) : null}
        <View className="qw-kv">
          <Text className="qw-kv__k">发布人</Text>
          <Text className="qw-kv__v">{n.publisher.name}</Text>
        </View>
        <View className="qw-kv">
          <Text className="qw-kv__k">发往</Text>
          <Text className="qw-kv__v">{n.groups.map((g) => g.name).join('、')}</Text>
        </View>
        <View className="qw-kv">
          <Text className="qw-kv__k">确认截止</Text>
          <Deadline dueAt={n.ackDueAt} open={active} />
        </View>
      </View>

      <Acknowledge notice={n} onChange={onChange} />

      {n.canReceipts ? (
        <View className="qw-card qw-row qw-row--between" data-testid="receipts-link" onClick={() => void Taro.navigateTo({ url: routes.noticeReceipts(n.id) })}>
          {n.stats ? <NoticeCounts stats={n.stats} /> : <Text>确认情况</Text>}
          <Text className="qw-link qw-nowrap">查看确认情况 ›</Text>
        </View>
      ) : null}

      {(n.canManage || n.canReceipts) && active ? (
        <View className="qw-hint" data-testid="share-hint">
          {isH5() ? '在微信中打开时，点右上角 ··· 转发到微信群，提醒群成员查看并确认。' : '点右上角 ··· 转发到微信群，提醒群成员查看并确认。'}
        </View>
      ) : null}

      {n.canManage && active ? (
        <>
          <View className="qw-row qw-row--actions">
            <Btn kind="ghost" small onClick={() => void Taro.navigateTo({ url: routes.noticePublish(n.id) })}>
              更正
            </Btn>
            <Btn kind="danger" small onClick={() => setWithdrawing(!withdrawing)}>
              撤回
            </Btn>
          </View>
          {withdrawing ? (
            <ActionForm
              title="撤回通知"
              hint="撤回后，通知从成员的首页消失，在原处显示为已撤回；成员不再需要确认。"
              placeholder="撤回理由（必填）"
              textRequired
              maxLength={REASON_MAX}
              submitText="确认撤回"
              tone="danger"
              onSubmit={(reason) => call('notices.withdraw', { noticeId: n.id, reason })}
              onDone={(updated) => {
                setWithdrawing(false);
                void Taro.showToast({ title: '已撤回', icon: 'success' });
                onChange(updated);
              }}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/** The member's own part: 确认已读 (after the key fact, when asked), or when it was given. */
function Acknowledge({ notice: n, onChange }: { notice: NoticeView; onChange: (n: NoticeView) => void }) {
  const [pick, setPick] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inFlight = useRef(false);
  if (!n.mine.owed) return null;
  if (n.mine.ackedAt !== null) {
    return (
      <View className="qw-card qw-row qw-row--between" data-testid="acked">
        <Text>{`已确认　${formatDateTime(n.mine.ackedAt)}`}</Text>
        {n.mine.late ? <Tag tone="warning">逾期确认</Tag> : <Tag tone="success">按时确认</Tag>}
      </View>
    );
  }
  if (n.status !== 'active') return <View className="qw-notice">本通知已不再有效，无需确认。</View>;
  const key = n.keyFact;

  async function acknowledge() {
    if (inFlight.current || (key && pick === null)) return;
    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    const r = await call('notices.acknowledge', key ? { noticeId: n.id, keyFact: Number(pick) } : { noticeId: n.id });
    inFlight.current = false;
    setBusy(false);
    if (!r.ok) {
      // A wrong pick: read again and choose again.
      if (r.code === 'KEY_FACT_WRONG') setPick(null);
      return setFailure(r);
    }
    void Taro.showToast({ title: '已确认', icon: 'success' });
    onChange(r.data);
  }

  return (
    <View className="qw-card" data-testid="acknowledge">
      <View className="qw-section-title">请确认已读</View>
      {key ? (
        <>
          <Text className="qw-hint">本通知要求确认要点：请选出与通知相符的一项，再确认已读。</Text>
          <View className="qw-label">{key.question}</View>
          <Chips choices={key.choices.map((c, i) => ({ value: String(i), label: c }))} value={pick} onChange={setPick} />
        </>
      ) : null}
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block disabled={busy || (!!key && pick === null)} onClick={() => void acknowledge()}>
        确认已读
      </Btn>
    </View>
  );
}

function Attachment({ a }: { a: NoticeAttachmentView }) {
  async function open() {
    if (!a.url) return void Taro.showToast({ title: '下载链接已过期，请重新打开本页', icon: 'none' });
    if (isH5()) return window.location.assign(a.url);
    try {
      const got = await Taro.downloadFile({ url: a.url });
      await Taro.openDocument({ filePath: got.tempFilePath, showMenu: true });
    } catch {
      void Taro.showToast({ title: '无法直接打开该文件，请稍后重试', icon: 'none' });
    }
  }
  return (
    <View className="qw-attachment" data-attachment={a.name}>
      <View className="qw-row qw-row--between">
        <Text>{`附件：《${a.name}》`}</Text>
        {a.pending && !a.url ? null : (
          <Text className="qw-link qw-nowrap" onClick={() => void open()}>
            下载
          </Text>
        )}
      </View>
      <Text className="qw-hint">{a.description}</Text>
      {a.pending ? <Text className="qw-hint">{a.url ? '（图片正在进行内容安全检查，通过前仅发布人和群管理员可见）' : '（图片正在进行内容安全检查，通过后可查看）'}</Text> : null}
    </View>
  );
}
