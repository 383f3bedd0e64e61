// The app reads an action's input and reason schemas only (api/call.ts checks a request before it
// leaves the phone). Its `summary` (what the action is, for people and the contract test) and its
// `roles` (who may call it: dispatch's gate on the server) never run there, yet they were ~8 KB of
// the weapp main package, which has a 400 KB budget. Taro's builds (this plugin is in
// babel.config.js only) drop both from contract/actions.ts; the cloud functions (esbuild) and the
// tests keep them.
const path = require('node:path');

const ACTIONS = path.join('src', 'contract', 'actions.ts');

module.exports = function stripServerOnlyActionFields() {
  return {
    name: 'strip-server-only-action-fields',
    visitor: {
      ObjectProperty(p, state) {
        if (!(state.filename ?? '').endsWith(ACTIONS)) return;
        const { key, value, computed } = p.node;
        if (computed || key.type !== 'Identifier') return;
        if ((key.name === 'summary' && value.type === 'StringLiteral') || (key.name === 'roles' && value.type === 'ArrayExpression')) p.remove();
      },
    },
  };
};
