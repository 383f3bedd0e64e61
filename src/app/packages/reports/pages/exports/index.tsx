// 导出记录 (the owner): every export with who, when, the filters, the row counts and its checksums;
// and a file someone presents can be checked against the log by its SHA-256.
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ExportVerification, ExportView, Failure } from '../../../../../contract';
import { call, isH5 } from '../../../../api';
import { uploadFile } from '../../../../api/files';
import { Btn } from '../../../../components/Btn';
import { EmptyState } from '../../../../components/EmptyState';
import { ErrorBanner } from '../../../../components/ErrorBanner';
import { PagedList } from '../../../../components/PagedList';
import { Tag } from '../../../../components/StateTag';
import { usePaged } from '../../../../hooks/usePaged';
import { formatDateTime } from '../../../../lib/time';
import '../../reports.scss';

const loadExports = (offset: number, limit: number) => call('reports.exports', { offset, limit });

export default function ExportsPage() {
  const list = usePaged<ExportView>(loadExports);
  return (
    <View className="qw-page">
      <View className="qw-header">
        <View className="qw-header__title">导出记录</View>
        <View className="qw-header__sub">每一次导出：谁、何时、按什么条件、导出了多少行，以及文件的 SHA-256。拿到一份导出的文件，可在下方核对它是否出自本系统、是否被改动。</View>
      </View>
      <Verify />
      <PagedList
        list={list}
        render={(e) => <ExportCard key={e.id} item={e} />}
        empty={<EmptyState title="还没有人导出过" description="管理员、上级领导和部门负责人在 报表 → 导出 Excel 导出后，记录会出现在这里。" />}
        onError={(f) => (f.code === 'FORBIDDEN' ? <EmptyState title="只有系统管理员可以查看导出记录" /> : undefined)}
      />
    </View>
  );
}

function ExportCard({ item }: { item: ExportView }) {
  const f = item.filters;
  return (
    <View className="qw-card" data-export={item.id}>
      <View className="qw-row qw-row--between">
        <Text className="qw-drill-row__title">{`${item.by.name} · ${formatDateTime(item.at)}`}</Text>
        {item.intact ? <Tag tone="success">记录完整</Tag> : <Tag tone="danger">记录被改动</Tag>}
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">群</Text>
        <Text className="qw-kv__v">{f.allInScope ? `全部可查看的群（${f.groups.map((g) => g.name).join('、')}）` : f.groups.map((g) => g.name).join('、')}</Text>
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">时间段</Text>
        <Text className="qw-kv__v">{`${f.from} 至 ${f.to}`}</Text>
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">事项种类</Text>
        <Text className="qw-kv__v">{f.kinds ? f.kinds.map((k) => k.label).join('、') : '全部'}</Text>
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">行数</Text>
        <Text className="qw-kv__v">{`事项 ${item.rows.cases} 行，处理记录 ${item.rows.history} 行`}</Text>
      </View>
      <View className="qw-kv">
        <Text className="qw-kv__k">文件</Text>
        <Text className="qw-kv__v">{item.fileName}</Text>
      </View>
      <View className="qw-label">文件 SHA-256</View>
      <View className="qw-hash" data-sha256={item.fileSha256}>
        {item.fileSha256}
      </View>
      <View className="qw-label">数据校验值</View>
      <View className="qw-hash">{item.contentSha256}</View>
      <Btn kind="ghost" small onClick={() => void Taro.setClipboardData({ data: item.fileSha256 })}>
        复制校验值
      </Btn>
    </View>
  );
}

function Verify() {
  const [sha, setSha] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [answer, setAnswer] = useState<ExportVerification | null>(null);
  const clean = sha.trim().toLowerCase();
  const valid = /^[0-9a-f]{64}$/.test(clean);

  async function verify(by: { sha256: string } | { fileId: string }) {
    setBusy(true);
    setFailure(null);
    setAnswer(null);
    const r = await call('reports.verifyExport', by);
    setBusy(false);
    if (!r.ok) return setFailure(r);
    setAnswer(r.data);
  }

  /** The file itself: uploaded, and the function hashes what it stored. */
  async function verifyFile(path: string, name: string) {
    if (busy) return;
    setBusy(true);
    const up = await uploadFile(path, 'exports-verify', name);
    if (!up.ok) {
      setBusy(false);
      return setFailure(up);
    }
    await verify({ fileId: up.data.fileId });
  }

  async function pickFromChat() {
    try {
      const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
      const f = r.tempFiles[0];
      if (f) await verifyFile(f.path, f.name);
    } catch {
      // Cancelled: nothing to check.
    }
  }

  return (
    <View className="qw-card">
      <View className="qw-section-title">核对一份导出的文件</View>
      <View className="qw-hint">填入文件的 SHA-256，或文件“说明”表中的数据校验值（64 位十六进制）；也可以上传文件，由系统计算。</View>
      <Input className="qw-input" value={sha} maxlength={80} placeholder="例如 3a7bd3e2…（64 位）" onInput={(e) => setSha(e.detail.value)} />
      {failure ? <ErrorBanner failure={failure} /> : null}
      <Btn block kind="ghost" disabled={!valid || busy} onClick={() => void verify({ sha256: clean })}>
        核对
      </Btn>
      <View className="qw-hint">或者直接用文件核对：</View>
      {isH5() ? (
        <input
          type="file"
          accept=".xlsx"
          data-testid="verify-file"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            if (f) void verifyFile(URL.createObjectURL(f), f.name);
          }}
        />
      ) : (
        <Btn block kind="ghost" disabled={busy} onClick={() => void pickFromChat()}>
          从微信聊天中选择导出的文件
        </Btn>
      )}
      {answer ? (
        <View className="qw-verify" data-match={answer.match ? 'yes' : 'no'}>
          {answer.match ? <Tag tone="success">与导出记录一致</Tag> : <Tag tone="danger">没有对应的导出记录</Tag>}
          <View className="qw-hint">{answer.message}</View>
          {answer.export ? <View className="qw-hint">{`${answer.export.by.name} 于 ${formatDateTime(answer.export.at)} 导出的 ${answer.export.fileName}`}</View> : null}
        </View>
      ) : null}
    </View>
  );
}
