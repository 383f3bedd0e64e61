// After a weapp build: the size of the main package and of each subpackage of dist/weapp, against
// the 400 KB budget we keep for the main package (WeChat's own limit is 2 MB a package).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const DIST = 'dist/weapp';
const BUDGET_KB = 400;
// Tool configs DevTools reads but does not ship in the code package.
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json']);

if (!existsSync(join(DIST, 'app.json'))) {
  console.error(`没有找到 ${DIST}/app.json：请先运行 taro build --type weapp`);
  process.exit(1);
}
const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8'));
const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? files(p) : [p];
  });
}

const sizes = new Map([['(主包)', 0], ...roots.map((r) => [r, 0])]);
for (const file of files(DIST)) {
  const rel = relative(DIST, file).split(sep).join('/');
  if (NOT_SHIPPED.has(rel)) continue;
  const owner = roots.find((r) => rel === r || rel.startsWith(`${r}/`)) ?? '(主包)';
  sizes.set(owner, sizes.get(owner) + statSync(file).size);
}

const kb = (bytes) => bytes / 1024;
const main = kb(sizes.get('(主包)'));
console.log(`\nweapp 包体积（${DIST}）`);
for (const [name, bytes] of sizes) {
  const label = name === '(主包)' ? `主包 main` : `分包 ${name}`;
  console.log(`  ${label.padEnd(28)} ${kb(bytes).toFixed(1).padStart(7)} KB`);
}
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
console.log(`  ${'合计 total'.padEnd(28)} ${kb(total).toFixed(1).padStart(7)} KB`);
if (main > BUDGET_KB) {
  console.error(`\n主包 ${main.toFixed(1)} KB，超出 ${BUDGET_KB} KB 预算 ${(main - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
console.log(`\n主包 ${main.toFixed(1)} KB，在 ${BUDGET_KB} KB 预算之内（余 ${(BUDGET_KB - main).toFixed(1)} KB）`);
