// Files in WeChat cloud storage: the client uploads with wx.cloud.uploadFile and passes the fileID;
// the function reads the bytes itself (for SHA-256) and hands out temporary URLs.
import type { Files } from '../../ports';
import type { WxStorageApi } from './types';

const CLOUD_ID = /^cloud:\/\/[A-Za-z0-9._-]+\/[^\s?#]{1,512}$/;

export function createWechatFiles(cloud: WxStorageApi, now: () => number = Date.now): Files {
  return {
    owns: (fileId) => CLOUD_ID.test(fileId),
    async read(fileId) {
      try {
        return (await cloud.downloadFile({ fileID: fileId })).fileContent;
      } catch (err) {
        // node-sdk throws a TcbError whose `code` names the storage error, and wx-server-sdk's
        // toSDKError then sets errCode -1 on it: look at both, the name first.
        const { code, errCode } = (err ?? {}) as { code?: unknown; errCode?: unknown };
        if (code === 'STORAGE_FILE_NONEXIST' || errCode === -503003) return null;
        throw err;
      }
    },
    async remove(fileId) {
      const r = await cloud.deleteFile({ fileList: [fileId] });
      const f = r.fileList[0];
      // Gone already is what we wanted.
      if (f && f.status !== 0 && !/NONEXIST|not exist/i.test(f.errMsg)) throw new Error(`deleteFile failed: ${f.errMsg}`);
    },
    async put(file) {
      // The download name is the path's last part on WeChat: `name` is for the local host only.
      const r = await cloud.uploadFile({ cloudPath: file.path, fileContent: file.bytes });
      if (!r?.fileID) throw new Error('uploadFile answered no fileID');
      return r.fileID;
    },
    async link(fileId, expiresAt) {
      // The platform counts maxAge from now; never hand out a link that outlives the grant.
      const maxAge = Math.floor((expiresAt - now()) / 1000);
      if (maxAge < 1) throw new Error('link would already be expired');
      const r = await cloud.getTempFileURL({ fileList: [{ fileID: fileId, maxAge }] });
      const f = r.fileList[0];
      if (!f || f.status !== 0 || !f.tempFileURL) throw new Error(`getTempFileURL failed: ${f?.errMsg ?? 'no answer'}`);
      return f.tempFileURL;
    },
  };
}
