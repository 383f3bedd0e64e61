// An admin's side of a record-access request (§6.2): what is asked and what approval would grant,
// approve with an expiry or reject with a reason, revoke early, and the access log.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Btn } from '../../../components/Btn';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { REASON_MAX, type AccessGrantView, type CaseView, type CaseViewOf, type Failure } from '../../../../contract';
import { call } from '../../../api';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { RemoteView } from '../../../components/RemoteView';
import { useRemote } from '../../../hooks/useRemote';
import { formatDateTime } from '../../../lib/time';

const LOG_LABELS = { link: '获取下载链接', download: '下载', refused: '下载被拒绝' } as const;

export function AccessReview({ item, onChange }: { item: CaseViewOf<'record_access'>; onChange: (c: CaseView) => void }) {
  const grant = useRemote(() => call('records.grant', { caseId: item.id }));
  return (
    <>
      <View className="qw-card">
        <View className="qw-section-title">查阅申请</View>
        <View className="qw-kv">
          <Text className="qw-kv__k">范围</Text>
          <Text className="qw-kv__v">{`${item.data.from} 至 ${item.data.to}`}</Text>
        </View>
        <View className="qw-kv">
          <Text className="qw-kv__k">目的</Text>
          <Text className="qw-kv__v">{item.data.purpose}</Text>
        </View>
        <Text className="qw-hint">{`申请人已签署保密承诺：${item.data.pledge}`}</Text>
      </View>
      <RemoteView remote={grant}>
        {(g) => (
          <>
            <GrantedFiles grant={g} />
            <Decide item={item} grant={g} onChange={(c) => (onChange(c), void grant.reload())} />
          </>
        )}
      </RemoteView>
      {item.state !== 'submitted' ? <AccessLog caseId={item.id} /> : null}
    </>
  );
}

function GrantedFiles({ grant }: { grant: AccessGrantView }) {
  return (
    <View className="qw-card">
      <View className="qw-section-title">{grant.state === 'submitted' ? `批准后将授予的备份（${grant.files.length}）` : `已授予的备份（${grant.files.length}）`}</View>
      {grant.files.length === 0 ? <Text className="qw-hint">申请的日期范围内没有已登记的备份。</Text> : null}
      {grant.files.map((f) => (
        <View className="qw-list-item" key={f.backupId}>
          <Text>{`${f.from} 至 ${f.to}`}</Text>
          <Text className="qw-muted">{f.storage === 'cloud' ? f.fileName ?? '备份文件' : `本地：${f.location ?? ''}`}</Text>
        </View>
      ))}
      {grant.expiresAt ? <Text className="qw-hint">{`授权有效期至 ${formatDateTime(grant.expiresAt)}`}</Text> : null}
    </View>
  );
}

function Decide({ item, grant, onChange }: { item: CaseView; grant: AccessGrantView; onChange: (c: CaseView) => void }) {
  const [days, setDays] = useState(String(grant.defaultDays));
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const canDecide = item.allowed.includes('approve');
  const canRevoke = item.allowed.includes('revoke');
  if (!canDecide && !canRevoke) return null;
  const n = Number(days);
  const daysOk = Number.isInteger(n) && n >= 1 && n <= grant.maxDays;
  const reason = text.trim();

  async function run(kind: 'approve' | 'reject' | 'revoke') {
    setBusy(true);
    setFailure(null);
    const r =
      kind === 'approve'
        ? await call('records.approve', { caseId: item.id, days: n, ...(reason ? { note: reason } : {}) })
        : kind === 'reject'
          ? await call('records.reject', { caseId: item.id, reason })
          : await call('records.revoke', { caseId: item.id, ...(reason ? { reason } : {}) });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setText('');
    void Taro.showToast({ title: kind === 'approve' ? '已批准' : kind === 'reject' ? '已驳回' : '已撤销', icon: 'success' });
    onChange(r.data);
  }

  return (
    <View className="qw-card qw-decision">
      <View className="qw-section-title">{canDecide ? '审批' : '撤销授权'}</View>
      {canDecide ? (
        <>
          <View className="qw-label">{`有效期（天，最多 ${grant.maxDays} 天）`}</View>
          <Input className={`qw-input ${daysOk ? '' : 'qw-input--invalid'}`} type="number" value={days} maxlength={3} onInput={(e) => setDays(e.detail.value)} />
        </>
      ) : (
        <Text className="qw-hint">撤销后申请人不能再获取下载链接，已发出的链接在本地服务上立即失效（微信云存储的临时链接最长在其有效期内仍可用）。</Text>
      )}
      <Textarea
        className="qw-textarea"
        value={text}
        maxlength={REASON_MAX}
        placeholder={canDecide ? '驳回理由（驳回时必填）；批准时可写备注' : '撤销理由（可选）'}
        onInput={(e) => setText(e.detail.value)}
      />
      {failure ? <ErrorBanner failure={failure} /> : null}
      <View className="qw-row qw-row--actions">
        {canDecide ? (
          <>
            <Btn kind="danger" disabled={busy || !reason} onClick={() => void run('reject')}>
              驳回
            </Btn>
            <Btn disabled={busy || !daysOk} onClick={() => void run('approve')}>
              批准
            </Btn>
          </>
        ) : (
          <Btn kind="danger" disabled={busy} onClick={() => void run('revoke')}>
            撤销授权
          </Btn>
        )}
      </View>
    </View>
  );
}

function AccessLog({ caseId }: { caseId: string }) {
  const log = useRemote(() => call('records.log', { caseId }), { refreshOnShow: true });
  return (
    <View className="qw-card">
      <View className="qw-row qw-row--between">
        <View className="qw-section-title">查阅日志</View>
        <Text className="qw-link" onClick={() => void log.reload()}>
          刷新
        </Text>
      </View>
      <RemoteView remote={log}>
        {(l) =>
          l.items.length === 0 ? (
            <Text className="qw-hint">还没有获取链接或下载的记录。</Text>
          ) : (
            <>
              {l.items.map((e) => (
                <View className="qw-list-item" key={e.id} data-log={e.type}>
                  <Text>{`${formatDateTime(e.at)} ${e.person?.name ?? '未登录者'} ${LOG_LABELS[e.type]}${e.note ? `（${e.note}）` : ''}`}</Text>
                  <Text className="qw-muted">{e.fileName ?? ''}</Text>
                </View>
              ))}
            </>
          )
        }
      </RemoteView>
    </View>
  );
}
