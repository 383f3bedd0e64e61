// The folder rules of ARCHITECTURE.md ("A file knows its room"), checked by `npm run depcruise`,
// which `npm test` runs right after the type check. Paths are relative to the repository root;
// npm packages resolve to node_modules/<name>/..., node built-ins have the dependency type 'core'.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-imports-only-zod',
      severity: 'error',
      comment:
        'src/contract is the wire format shared by the mini-program and the cloud functions: it may ' +
        'import only zod and its own files. No src/core, src/server or src/app, no other npm package ' +
        'and no node built-in, so both sides can load it anywhere.',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/contract/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment:
        'src/core holds pure rules: no I/O and no node built-ins (fs, crypto, http, path, ...). ' +
        'Anything that touches the world belongs in src/server behind ports.ts.',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-imports-only-contract-and-pure-libs',
      severity: 'error',
      comment:
        'src/core imports only src/contract, its own files and its pure libraries (dayjs, ' +
        'chinese-days, zod). Never src/server or src/app, and no other npm package: core runs ' +
        'unchanged in the mini-program, the cloud functions and the tests.',
      from: { path: '^src/core/' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^src/core/', '^src/contract/', '(^|/)node_modules/(dayjs|chinese-days|zod)/'],
      },
    },
    {
      name: 'app-not-to-server',
      severity: 'error',
      comment:
        'The mini-program (src/app) talks to the server only through the api calls and the ' +
        'contract; it never imports src/server code. (Importing src/contract and pure helpers of ' +
        'src/core is allowed.)',
      from: { path: '^src/app/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'wx-server-sdk-only-in-wechat-adapter',
      severity: 'error',
      comment:
        'Only src/server/adapters/wechat may import wx-server-sdk: everything else reaches WeChat ' +
        'through the ports, so handlers and tests run without the SDK.',
      from: { path: '^src/', pathNot: '^src/server/adapters/wechat/' },
      to: { path: '(^|/)node_modules/(@types/)?wx-server-sdk/' },
    },
    {
      name: 'better-sqlite3-only-in-sqlite-adapter',
      severity: 'error',
      comment:
        'Only src/server/adapters/sqlite may import the better-sqlite3 package (the host and ' +
        'scripts use the adapter modules, not the package), so the cloud bundle never pulls in a ' +
        'native module.',
      from: { path: '^src/', pathNot: '^src/server/adapters/sqlite/' },
      to: { path: '(^|/)node_modules/(@types/)?better-sqlite3/' },
    },
    {
      name: 'handlers-not-to-adapters-or-host',
      severity: 'error',
      comment:
        'src/server/handlers reach the world only through ports.ts: they never import an adapter ' +
        'or the host. Adapters are built only in entry files (cloudfunctions/*/index.ts, ' +
        'src/server/host), so tests can inject their own.',
      from: { path: '^src/server/handlers/' },
      to: { path: '^src/server/(adapters|host)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles in src/. A cycle makes module initialisation order matter (a value can be ' +
        'undefined when first read) and ties the files into one unit. Imports that vanish when ' +
        "compiled (import type, or imports used only as types) don't count: they are not in the " +
        'bundle. Break the cycle by moving the shared part into its own file.',
      // dependency-cruiser names one cycle per dependency; should that one pass through a type-only
      // import while another, runtime, cycle exists, test/server/import-cycles.test.ts (esbuild's
      // runtime graph of the cloud bundles) still catches it.
      from: { path: '^src/' },
      to: {
        circular: true,
        viaOnly: { dependencyTypesNot: ['type-only', 'pre-compilation-only'] },
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    // 'specify' = see type-only imports (so the folder rules cover them too) and mark the ones that
    // disappear after compilation as 'pre-compilation-only', which the no-circular rule ignores.
    tsPreCompilationDeps: 'specify',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
