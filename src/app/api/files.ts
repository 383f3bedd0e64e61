// Uploads go from the phone straight to storage; the functions only ever see the file id.
// weapp: WeChat cloud storage (wx.cloud.uploadFile), then files.record, which records the upload as
// the caller's (only one's own uploads can be attached); h5: the local host's stand-in endpoint,
// which records it as it stores it.
import Taro from '@tarojs/taro';
import { fail, ok, type Result } from '../../contract';
import { call, isH5, NETWORK_MESSAGE } from './call';

export const UPLOAD_PATH = '/files/upload';

export interface Uploaded {
  fileId: string;
  name: string;
}

/** `folder` becomes part of the cloud path, e.g. `backups/g_market`. */
export async function uploadFile(filePath: string, folder: string, name: string): Promise<Result<Uploaded>> {
  try {
    if (isH5()) {
      const res = await Taro.uploadFile({ url: UPLOAD_PATH, filePath, name: 'file', withCredentials: true } as Taro.uploadFile.Option);
      const body = JSON.parse(String(res.data)) as Result<Uploaded>;
      return body;
    }
    const ext = name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
    const cloudPath = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}${ext}`;
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath });
    const recorded = await call('files.record', { fileId: res.fileID, name: name.slice(0, 120) });
    if (!recorded.ok) return recorded;
    return ok({ fileId: res.fileID, name });
  } catch {
    return fail('INTERNAL', `文件上传失败：${NETWORK_MESSAGE}`);
  }
}
