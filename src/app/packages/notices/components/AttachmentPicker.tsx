// A notice's attachments (§4.4): each a stored file with a name and a short description, both
// required. A file is uploaded as soon as it is picked, so the duplicate check can compare its
// SHA-256 (computed by the server from the stored file).
import { Input, Text, View } from '@tarojs/components';
import { Btn } from '../../../components/Btn';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ATTACHMENT_DESCRIPTION_MAX, ATTACHMENT_NAME_MAX, NOTICE_ATTACHMENTS_MAX } from '../../../../contract';
import { isH5 } from '../../../api';
import { uploadFile } from '../../../api/files';

export interface AttachmentDraft {
  fileId: string;
  /** The picked file's own name, for the person to recognise it. */
  fileName: string;
  name: string;
  description: string;
}

/** 关于十月活动的通知.docx → 关于十月活动的通知 */
export function defaultName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).trim().slice(0, ATTACHMENT_NAME_MAX);
}

interface Props {
  folder: string;
  value: AttachmentDraft[];
  onChange: (v: AttachmentDraft[]) => void;
}

export function AttachmentPicker({ folder, value, onChange }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // Remounts the browser's file input after each pick, so the same file can be picked again.
  const [picker, setPicker] = useState(0);

  async function upload(files: { path: string; name: string }[]) {
    setError('');
    setBusy(true);
    const added: AttachmentDraft[] = [];
    for (const f of files.slice(0, NOTICE_ATTACHMENTS_MAX - value.length)) {
      const r = await uploadFile(f.path, folder, f.name);
      if (!r.ok) {
        setError(r.message);
        break;
      }
      added.push({ fileId: r.data.fileId, fileName: f.name, name: defaultName(f.name), description: '' });
    }
    setBusy(false);
    setPicker((n) => n + 1);
    if (added.length) onChange([...value, ...added]);
  }

  /** weapp: a file from a WeChat chat (where documents usually are on a phone). */
  async function pickInWechat() {
    let chosen: Taro.chooseMessageFile.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseMessageFile({ count: NOTICE_ATTACHMENTS_MAX - value.length, type: 'file' });
    } catch {
      return; // the person cancelled
    }
    await upload(chosen.tempFiles.map((f) => ({ path: f.path, name: f.name })));
  }

  const set = (i: number, patch: Partial<AttachmentDraft>) => onChange(value.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  return (
    <View data-testid="attachments">
      {value.map((a, i) => (
        <View className="qw-attachment" key={a.fileId} data-attachment={a.fileName}>
          <View className="qw-row qw-row--between">
            <Text className="qw-muted">{`附件 ${i + 1}：${a.fileName}`}</Text>
            <Text className="qw-link" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              移除
            </Text>
          </View>
          <View className="qw-label">附件名称</View>
          <Input className="qw-input" value={a.name} maxlength={ATTACHMENT_NAME_MAX} placeholder="附件名称（必填）" onInput={(e) => set(i, { name: e.detail.value })} />
          <View className="qw-label">附件说明</View>
          <Input
            className="qw-input"
            value={a.description}
            maxlength={ATTACHMENT_DESCRIPTION_MAX}
            placeholder="一句话说明附件内容（必填）"
            onInput={(e) => set(i, { description: e.detail.value })}
          />
        </View>
      ))}
      {value.length < NOTICE_ATTACHMENTS_MAX ? (
        isH5() ? (
          // The browser's own picker says "Choose File" in the browser's language: a button of ours opens it.
          <label className="qw-btn qw-btn--ghost qw-btn--block qw-file-pick">
            {busy ? '上传中…' : '＋ 添加附件'}
            <input
              key={picker}
              type="file"
              style={{ display: 'none' }}
              data-testid="attachment-file"
              disabled={busy}
              onChange={(e) => {
                const f = e.currentTarget.files?.[0];
                if (f) void upload([{ path: URL.createObjectURL(f), name: f.name }]);
              }}
            />
          </label>
        ) : (
          <Btn kind="ghost" block disabled={busy} onClick={() => void pickInWechat()}>
            {busy ? '上传中…' : '＋ 从微信聊天中选择附件'}
          </Btn>
        )
      ) : null}
      <Text className="qw-hint">{`选填，最多 ${NOTICE_ATTACHMENTS_MAX} 个。每个附件都要写名称和说明，正文中要提到附件名称。`}</Text>
      {error ? <View className="qw-error">{error}</View> : null}
    </View>
  );
}
