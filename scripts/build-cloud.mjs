// Bundles each cloud function's entry with the src/server code it uses; wx-server-sdk stays
// external because WeChat installs it from the function's own package.json.
import { build } from 'esbuild';
import { statSync } from 'node:fs';

const functions = ['api', 'scheduler'];
for (const name of functions) {
  const outfile = `cloudfunctions/${name}/index.js`;
  await build({
    entryPoints: [`cloudfunctions/${name}/index.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    external: ['wx-server-sdk'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`云函数 ${name}: ${(statSync(outfile).size / 1024).toFixed(1)} KB → ${outfile}`);
}
