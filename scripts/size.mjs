// After a weapp build: the size of the main package and of each subpackage of dist/weapp, against
// the 400 KB budget we keep for the main package (WeChat's own limit is 2 MB a package).
import { MAIN, MAIN_BUDGET_KB as BUDGET_KB, packageSizes } from './lib/package-sizes.mjs';

const DIST = `${process.env.QW_DIST ?? 'dist'}/weapp`;
const sizes = packageSizes(DIST);
if (!sizes) {
  console.error(`没有找到 ${DIST}/app.json：请先运行 taro build --type weapp`);
  process.exit(1);
}
const kb = (bytes) => bytes / 1024;
const main = kb(sizes.get(MAIN));
console.log(`\nweapp 包体积（${DIST}）`);
for (const [name, bytes] of sizes) {
  const label = name === MAIN ? `主包 main` : `分包 ${name}`;
  console.log(`  ${label.padEnd(28)} ${kb(bytes).toFixed(1).padStart(7)} KB`);
}
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
console.log(`  ${'合计 total'.padEnd(28)} ${kb(total).toFixed(1).padStart(7)} KB`);
if (main > BUDGET_KB) {
  console.error(`\n主包 ${main.toFixed(1)} KB，超出 ${BUDGET_KB} KB 预算 ${(main - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
console.log(`\n主包 ${main.toFixed(1)} KB，在 ${BUDGET_KB} KB 预算之内（余 ${(BUDGET_KB - main).toFixed(1)} KB）`);
