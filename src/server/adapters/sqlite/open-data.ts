// The local stand-in for cloud.getOpenData: no WeChat chat exists here, so the page's "simulated
// group chat" field sends `local:<opengid>` where WeChat would send a cloudID.
import type { OpenData } from '../../ports';

export const LOCAL_CLOUD_ID_PREFIX = 'local:';

export function createLocalOpenData(): OpenData {
  return {
    async groupOpengid(cloudID) {
      if (!cloudID.startsWith(LOCAL_CLOUD_ID_PREFIX)) return null;
      const gid = cloudID.slice(LOCAL_CLOUD_ID_PREFIX.length).trim();
      return /^[A-Za-z0-9_-]{1,64}$/.test(gid) ? `local_${gid}` : null;
    },
  };
}
