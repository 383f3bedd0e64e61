// The member's grant: which backups, until when, a short-lived link per file, and the citation
// to paste wherever a record is used as evidence (§6.2).
import { Text, View } from '@tarojs/components';
import { Btn } from '../../../../components/Btn';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AccessFileView, AccessGrantView, Failure } from '../../../../../contract';
import { call, isH5 } from '../../../../api';
import { CopyCitation } from '../../../../components/CopyCitation';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { RemoteView } from '../../../../components/RemoteView';
import { StateTag } from '../../../../components/StateTag';
import { useRemote } from '../../../../hooks/useRemote';
import { formatDateTime } from '../../../../lib/time';

export default function RecordGrantPage() {
  const { params } = useRouter();
  const caseId = params.id ?? '';
  const remote = useRemote(() => call('records.grant', { caseId }), { refreshOnShow: true });
  return (
    <View className="qw-page">
      <RemoteView remote={remote}>{(g) => <Grant grant={g} onExpired={remote.reload} />}</RemoteView>
    </View>
  );
}

export function Grant({ grant, onExpired }: { grant: AccessGrantView; onExpired: () => void }) {
  return (
    <>
      <View className="qw-card">
        <View className="qw-row qw-row--between">
          <Text className="qw-group__name">{grant.group.name}</Text>
          <StateTag state={grant.state} label={grant.stateLabel} />
        </View>
        <View className="qw-kv">
          <Text className="qw-kv__k">查阅范围</Text>
          <Text className="qw-kv__v">{`${grant.from} 至 ${grant.to}`}</Text>
        </View>
        {grant.expiresAt ? (
          <View className="qw-kv">
            <Text className="qw-kv__k">有效期至</Text>
            <Text className="qw-kv__v">{formatDateTime(grant.expiresAt)}</Text>
          </View>
        ) : null}
        <Text className="qw-hint">
          {grant.active
            ? `每个下载链接 ${grant.linkTtlMinutes} 分钟内有效，只供你本人使用，每次获取和下载都会记入查阅日志。请遵守保密承诺。`
            : grant.state === 'submitted'
              ? '申请尚未审批，批准后可在这里下载。'
              : '授权已结束，不能再获取下载链接。如仍需查阅，请重新申请。'}
        </Text>
      </View>
      {grant.files.length === 0 && grant.state !== 'submitted' ? (
        <View className="qw-notice">申请的日期范围内没有已登记的备份。</View>
      ) : null}
      {grant.files.map((f) => (
        <FileCard key={f.backupId} grant={grant} file={f} onExpired={onExpired} />
      ))}
    </>
  );
}

function FileCard({ grant, file, onExpired }: { grant: AccessGrantView; file: AccessFileView; onExpired: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function download() {
    setBusy(true);
    setFailure(null);
    const r = await call('records.link', { caseId: grant.caseId, backupId: file.backupId });
    setBusy(false);
    if (!r.ok) {
      setFailure(r);
      if (r.code === 'ACCESS_NOT_ACTIVE') onExpired();
      return;
    }
    if (isH5()) {
      window.location.assign(r.data.url);
      return;
    }
    try {
      const got = await Taro.downloadFile({ url: r.data.url });
      await Taro.openDocument({ filePath: got.tempFilePath, showMenu: false });
    } catch {
      void Taro.showToast({ title: '无法直接打开该文件，请稍后重试', icon: 'none' });
    }
  }

  return (
    <View className="qw-card" data-backup={file.backupId}>
      <View className="qw-section-title">{`${file.from} 至 ${file.to}`}</View>
      <View className="qw-kv">
        <Text className="qw-kv__k">{file.storage === 'cloud' ? '文件' : '本地存储'}</Text>
        <Text className="qw-kv__v">{file.storage === 'cloud' ? file.fileName ?? '备份文件' : file.location ?? ''}</Text>
      </View>
      {failure ? <ErrorBanner failure={failure} /> : null}
      {file.storage === 'cloud' && grant.mine && grant.active ? (
        <Btn block disabled={busy} onClick={() => void download()}>
          下载
        </Btn>
      ) : file.storage === 'local' ? (
        <Text className="qw-hint">这份备份保存在本地，请联系管理员线下查阅。</Text>
      ) : null}
      <CopyCitation citation={file.citation} />
    </View>
  );
}
