// miniprogram-ci, WeChat's own upload tool: pinned in scripts/deploy/tools (package.json and lockfile
// committed) and installed there on the first real deploy, so `npm ci` stays as fast as before.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The part of miniprogram-ci the deploy uses (its dist/@types/ci). */
export interface MiniprogramCi {
  Project: new (opts: { appid: string; type: 'miniProgram'; projectPath: string; privateKeyPath: string; ignores?: string[] }) => unknown;
  upload(opts: {
    project: unknown;
    version: string;
    desc: string;
    robot?: number;
    setting?: Record<string, boolean>;
    onProgressUpdate?: (task: unknown) => void;
  }): Promise<unknown>;
  cloud: {
    uploadFunction(opts: { project: unknown; env: string; name: string; path: string; remoteNpmInstall: boolean }): Promise<{ filesCount: number; packSize: number }>;
  };
}

export function toolsDir(root: string): string {
  return join(root, 'scripts', 'deploy', 'tools');
}

export function pinnedCiVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(join(toolsDir(root), 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  return pkg.dependencies['miniprogram-ci'];
}

function installedCiVersion(root: string): string | null {
  const p = join(toolsDir(root), 'node_modules', 'miniprogram-ci', 'package.json');
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as { version: string }).version : null;
}

/** Installs the pinned miniprogram-ci when it is missing or another version, then loads it. */
export function loadPinnedCi(root: string, say: (line: string) => void): MiniprogramCi {
  const dir = toolsDir(root);
  const pinned = pinnedCiVersion(root);
  if (installedCiVersion(root) !== pinned) {
    say(`  首次部署：安装 miniprogram-ci ${pinned} 到 scripts/deploy/tools（约 275 MB，只装一次）…`);
    const r = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`安装 miniprogram-ci ${pinned} 失败（npm ci 退出码 ${r.status}）`);
  }
  return createRequire(join(dir, 'package.json'))('miniprogram-ci') as MiniprogramCi;
}
