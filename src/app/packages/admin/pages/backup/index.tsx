// One backup: where it is, its checksum, 校验 (re-computed on the server), the citation, its history.
import { Text, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { BackupView, Failure } from '../../../../../contract';
import { call } from '../../../../api';
import { CopyCitation } from '../../../../components/CopyCitation';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { HistoryList } from '../../../../components/HistoryList';
import { KvRow } from '../../../../components/KvRow';
import { RemoteView } from '../../../../components/RemoteView';
import { Tag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { BackupStorageRow } from '../../components/BackupStorageRow';
import { formatDateTime } from '../../../../lib/time';

export default function BackupPage() {
  const { params } = useRouter();
  const backupId = params.id ?? '';
  const remote = useRemote(() => call('backups.get', { backupId }));
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(b) => <BackupDetail b={b} onChange={remote.replace} />}</RemoteView>
    </View>
  );
}

export function BackupDetail({ b, onChange }: { b: BackupView; onChange: (b: BackupView) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function verify() {
    setBusy(true);
    setFailure(null);
    const r = await call('backups.verify', { backupId: b.id });
    setBusy(false);
    if (!r.ok) return setFailure(r);
    onChange(r.data);
    void Taro.showToast({ title: r.data.lastVerify?.intact ? '完整' : '已损坏/已变更', icon: r.data.lastVerify?.intact ? 'success' : 'none' });
  }

  return (
    <>
      <View className="qw-card">
        <View className="qw-row qw-row--between">
          <Text className="qw-group__name">{`${b.from} 至 ${b.to}`}</Text>
          {b.lastVerify ? <Tag tone={b.lastVerify.intact ? 'success' : 'danger'}>{b.lastVerify.intact ? '完整' : '已损坏/已变更'}</Tag> : null}
        </View>
        <KvRow k="备份编号">{b.id}</KvRow>
        <BackupStorageRow b={b} />
        <KvRow k="备份人 / 登记人">{`${b.madeBy.name} / ${b.registeredBy.name}`}</KvRow>
        {b.sha256 ? (
          <View className="qw-kv">
            <Text className="qw-kv__k">SHA-256</Text>
            <Text className="qw-kv__v" style={{ wordBreak: 'break-all' }}>
              {b.sha256}
            </Text>
          </View>
        ) : null}
        {b.lastVerify ? (
          <Text className="qw-hint">{`上次校验：${formatDateTime(b.lastVerify.at)}，${b.lastVerify.by.name}`}</Text>
        ) : null}
        {b.note ? <Text className="qw-hint">{b.note}</Text> : null}
        {failure ? <ErrorBanner failure={failure} /> : null}
        {b.storage === 'cloud' ? (
          <Btn block disabled={busy} loading={busy} onClick={() => void verify()}>
            校验完整性
          </Btn>
        ) : null}
        <CopyCitation citation={b.citation} />
      </View>
      <View className="qw-card">
        <View className="qw-section-title">记录</View>
        <HistoryList items={b.history ?? []} />
      </View>
    </>
  );
}
