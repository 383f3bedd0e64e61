// Evidence images: chosen on the phone, uploaded straight to storage; the form keeps only file ids.
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { EVIDENCE_MAX } from '../../contract';
import { uploadFile } from '../api/files';

export interface Picked {
  fileId: string;
  preview: string;
}

export function ImagePicker({ folder, value, onChange }: { folder: string; value: Picked[]; onChange: (v: Picked[]) => void }) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function pick() {
    setError('');
    let chosen: Taro.chooseImage.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseImage({ count: EVIDENCE_MAX - value.length, sizeType: ['compressed'] });
    } catch {
      return; // the person cancelled
    }
    setBusy(true);
    const added: Picked[] = [];
    for (const [i, path] of chosen.tempFilePaths.entries()) {
      const name = (chosen.tempFiles?.[i] as { originalFileObj?: { name?: string } } | undefined)?.originalFileObj?.name ?? `证据${i + 1}.jpg`;
      const r = await uploadFile(path, folder, name);
      if (!r.ok) {
        setError(r.message);
        break;
      }
      added.push({ fileId: r.data.fileId, preview: path });
    }
    setBusy(false);
    onChange([...value, ...added]);
  }

  return (
    <View className="qw-evidence-picker">
      <View className="qw-row qw-evidence">
        {value.map((p, i) => (
          <Image key={p.fileId} className="qw-evidence__img" src={p.preview} mode="aspectFill" aria-label={`移除第 ${i + 1} 张图片`} onClick={() => onChange(value.filter((x) => x !== p))} />
        ))}
        {value.length < EVIDENCE_MAX ? (
          <View className="qw-evidence__add" onClick={() => void pick()}>
            {busy ? '上传中…' : '＋ 图片'}
          </View>
        ) : null}
      </View>
      <Text className="qw-hint">{value.length ? `已上传 ${value.length} 张，点图片可移除` : '可附截图等证据（选填，最多 9 张）'}</Text>
      {error ? <View className="qw-error">{error}</View> : null}
    </View>
  );
}
