// Bundles each cloud function's entry with the src/server code it uses; wx-server-sdk stays
// external because WeChat installs it from the function's own package.json.
//
// Code behind a dynamic import() (the handlers of rarely used actions, src/server/handlers/index.ts)
// goes into files of its own next to index.js, loaded on first use: a cold instance compiles and runs
// only what common calls need. esbuild splits code only in ESM output, and a cloud function runs a
// CommonJS index.js, so each ESM file esbuild writes is turned into CommonJS (import() into require()).
// Every file is written flat into the function's folder, which the deploy uploads whole
// (scripts/deploy: uploadFunction with the folder's path); test/deploy/function-files.test.ts checks
// that every file a function requires is there.
import { build, transform } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const functions = ['api', 'scheduler'];
/** Where the functions' folders are written: cloudfunctions/ (deployed from), or a folder of one's own to try a build. */
const OUT = resolve(ROOT, process.env.QW_CLOUD_DIST ?? 'cloudfunctions');
/** Names of the files this build writes into a function's folder; any other *.js there is stale. */
const isOutput = (file) => file.endsWith('.js');

const ACTIONS = join(ROOT, 'src/contract/actions.ts');
/**
 * The contract's action table builds its schemas on first use, so loading it does nothing else: told
 * so, esbuild leaves it out of a function that uses none of it (the scheduler), and zod with it.
 */
const actionsWithoutEffects = {
  name: 'actions-without-effects',
  setup(b) {
    b.onResolve({ filter: /\/actions$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const r = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'resolving' });
      if (r.errors.length || r.path !== ACTIONS) return undefined;
      return { path: r.path, sideEffects: false };
    });
  },
};

for (const name of functions) {
  const dir = join(OUT, name);
  const { outputFiles } = await build({
    absWorkingDir: ROOT,
    entryPoints: { index: `cloudfunctions/${name}/index.ts` },
    outdir: dir,
    write: false,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node16',
    chunkNames: '[name]-[hash]',
    minify: true,
    sourcemap: false,
    external: ['wx-server-sdk'],
    plugins: [actionsWithoutEffects],
    legalComments: 'none',
    logLevel: 'warning',
  });
  const written = [];
  for (const out of outputFiles) {
    const { code } = await transform(out.text, {
      format: 'cjs',
      platform: 'node',
      target: 'node16',
      // import('./x.js') → Promise.resolve().then(() => require('./x.js')): Node 16's require() cannot load ESM.
      supported: { 'dynamic-import': false },
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
    });
    written.push({ path: out.path, code });
  }
  // Written beside, then renamed over, so a test loading the function meanwhile never reads half a file.
  mkdirSync(dir, { recursive: true });
  for (const { path, code } of written) {
    writeFileSync(`${path}.tmp`, code);
    renameSync(`${path}.tmp`, path);
  }
  const fresh = new Set(written.map((w) => w.path));
  for (const file of readdirSync(dir)) if (isOutput(file) && !fresh.has(join(dir, file))) rmSync(join(dir, file));
  const size = (p) => statSync(p).size / 1024;
  const index = join(dir, 'index.js');
  const lazy = written.filter((w) => w.path !== index);
  console.log(
    `云函数 ${name}: index.js ${size(index).toFixed(1)} KB` +
      (lazy.length ? `，按需加载 ${lazy.length} 个文件共 ${lazy.reduce((s, w) => s + size(w.path), 0).toFixed(1)} KB` : '') +
      ` → ${relative(ROOT, dir)}/`,
  );
}
