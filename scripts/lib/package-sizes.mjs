// Bytes per weapp package in a build: the main package and each subpackage.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const MAIN = '(主包)';
export const MAIN_BUDGET_KB = 400;
// Tool configs DevTools reads but does not ship in the code package.
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json']);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

/** Map of package → bytes; null when there is no build. */
export function packageSizes(dist = 'dist/weapp') {
  if (!existsSync(join(dist, 'app.json'))) return null;
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const sizes = new Map([[MAIN, 0], ...roots.map((r) => [r, 0])]);
  for (const file of files(dist)) {
    const rel = relative(dist, file).split(sep).join('/');
    if (NOT_SHIPPED.has(rel)) continue;
    const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? MAIN;
    sizes.set(owner, sizes.get(owner) + statSync(file).size);
  }
  return sizes;
}
