// What WeChat gets of a cloud function is its folder: the deploy hands miniprogram-ci's
// cloud.uploadFunction the folder's path (node_modules left out, package.json's dependencies installed
// in the cloud). The functions are built for real here (scripts/build-cloud.mjs: index.js plus a file
// per rarely used handler, loaded on first call), and every file any of them requires must be in that
// folder, each must load with nothing but the folder and the SDK, and a change to any of them must
// make the deploy upload the function again.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { functionHash, functionSpecs } from '../../scripts/deploy/plan';

const REPO = resolve(__dirname, '../..');
let root: string;

/** The files uploadFunction sends: the whole folder but node_modules, as paths relative to it. */
function uploaded(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === 'node_modules') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Every module name a built file requires, loaded at once or on first call. */
const requiresOf = (code: string) => [...code.matchAll(/\brequire\(\s*(["'])([^"']+)\1\s*\)/g)].map((m) => m[2]);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'qunwu-functions-'));
  for (const name of readdirSync(join(REPO, 'cloudfunctions'))) {
    const from = join(REPO, 'cloudfunctions', name);
    mkdirSync(join(root, 'cloudfunctions', name), { recursive: true });
    for (const f of ['config.json', 'package.json', 'index.ts']) cpSync(join(from, f), join(root, 'cloudfunctions', name, f));
  }
  execFileSync(process.execPath, ['scripts/build-cloud.mjs'], { cwd: REPO, env: { ...process.env, QW_CLOUD_DIST: join(root, 'cloudfunctions') }, stdio: 'pipe' });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

it('should find in each function folder every file its code requires, and outside it only the declared dependencies', () => {
  const specs = functionSpecs(root);
  expect(specs.map((s) => s.name)).toEqual(['api', 'scheduler']);
  for (const spec of specs) {
    const files = uploaded(spec.dir);
    const declared = Object.keys(JSON.parse(readFileSync(join(spec.dir, 'package.json'), 'utf8')).dependencies ?? {});
    const missing: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      for (const name of requiresOf(readFileSync(join(spec.dir, file), 'utf8'))) {
        if (name.startsWith('.')) {
          const target = posix.normalize(posix.join(posix.dirname(file), name));
          if (!files.includes(target)) missing.push(`${spec.name}/${file} → ${name}`);
        } else if (!builtinModules.includes(name.replace(/^node:/, '')) && !declared.includes(name)) {
          missing.push(`${spec.name}/${file} → ${name}（不在 package.json 的 dependencies 中）`);
        }
      }
    }
    expect(missing).toEqual([]);
  }
  // The api's rarely used handlers really are files of their own, required on first call, so the check
  // above has them to check.
  const api = specs.find((s) => s.name === 'api')!;
  const js = uploaded(api.dir).filter((f) => f.endsWith('.js'));
  const required = new Set(js.flatMap((f) => requiresOf(readFileSync(join(api.dir, f), 'utf8'))));
  for (const later of [/^later-\w+\.js$/, /^reports-export-\w+\.js$/]) {
    const file = js.find((f) => later.test(f));
    expect(file).toBeDefined();
    expect(required.has(`./${file}`)).toBe(true);
  }
});

it('should load every file of a function folder with nothing but that folder and the SDK WeChat installs', () => {
  for (const spec of functionSpecs(root)) {
    // Alone in a folder of its own, away from the repository's node_modules.
    const alone = mkdtempSync(join(tmpdir(), `qunwu-${spec.name}-`));
    try {
      const files = uploaded(spec.dir);
      for (const f of files) {
        mkdirSync(dirname(join(alone, f)), { recursive: true });
        cpSync(join(spec.dir, f), join(alone, f));
      }
      // What remoteNpmInstall provides: only wx-server-sdk, stubbed (the bundles call init at load).
      mkdirSync(join(alone, 'node_modules', 'wx-server-sdk'), { recursive: true });
      writeFileSync(join(alone, 'node_modules', 'wx-server-sdk', 'index.js'), "exports.DYNAMIC_CURRENT_ENV = 'dynamic';\nexports.init = () => {};\n");
      const js = files.filter((f) => f.endsWith('.js'));
      const script = `for (const f of ${JSON.stringify(js)}) require('./' + f); if (typeof require('./index.js').main !== 'function') process.exit(3);`;
      const r = spawnSync(process.execPath, ['-e', script], { cwd: alone, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' }, timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  }
});

it('should upload a function again when only a file its handlers load later changed', () => {
  const api = functionSpecs(root).find((s) => s.name === 'api')!;
  const before = functionHash(api);
  const later = uploaded(api.dir).find((f) => f.startsWith('reports-export-') && f.endsWith('.js'))!;
  expect(later).toBeDefined();
  appendFileSync(join(api.dir, later), '\n// changed\n');
  expect(functionHash(api)).not.toBe(before);
});
