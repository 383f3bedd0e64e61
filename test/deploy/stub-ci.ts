// A stand-in for miniprogram-ci with its API's shape (dist/@types/ci of 2.1.42): records what it is
// given, and tells the fake WeChat that a function now exists. A key file whose text says "expired"
// is refused the way a reset code-upload key is.
import { existsSync, readFileSync } from 'node:fs';
import type { MiniprogramCi } from '../../scripts/deploy/ci';
import type { FakeWechat } from './fake-wechat';

export interface CiCall {
  fn: 'Project' | 'upload' | 'uploadFunction';
  args: Record<string, unknown>;
}

export function createStubCi(fake: FakeWechat): MiniprogramCi & { calls: CiCall[] } {
  const calls: CiCall[] = [];
  class Project {
    constructor(readonly opts: { appid: string; privateKeyPath: string; projectPath: string; type: string }) {
      // Like miniprogram-ci: a project cannot be made without the key file.
      if (!existsSync(opts.privateKeyPath)) throw new Error(`privateKeyPath not found: ${opts.privateKeyPath}`);
      calls.push({ fn: 'Project', args: { ...opts } });
    }
  }
  const checkKey = (project: unknown) => {
    const { privateKeyPath, appid } = (project as Project).opts;
    if (appid !== fake.state.appid) throw Object.assign(new Error(`appid ${appid} does not match the key`), { code: 10008 });
    if (/expired/.test(readFileSync(privateKeyPath, 'utf8'))) {
      throw Object.assign(new Error('invalid signature: the private key is invalid or has been reset'), { code: 10008 });
    }
  };
  return {
    calls,
    Project: Project as unknown as MiniprogramCi['Project'],
    async upload(opts) {
      checkKey(opts.project);
      calls.push({ fn: 'upload', args: { version: opts.version, desc: opts.desc, robot: opts.robot, setting: opts.setting } });
      return { subPackageInfo: [] };
    },
    cloud: {
      async uploadFunction(opts) {
        checkKey(opts.project);
        if (opts.env !== fake.state.env) throw new Error('env not found');
        calls.push({ fn: 'uploadFunction', args: { env: opts.env, name: opts.name, path: opts.path, remoteNpmInstall: opts.remoteNpmInstall } });
        fake.state.functions.add(opts.name);
        return { filesCount: 3, packSize: 2048 };
      },
    },
  };
}
