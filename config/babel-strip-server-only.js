// The app reads an action's input and reason schemas only (api/call.ts checks a request before it
// leaves the phone). Its `summary` (what the action is, for people and the contract test) and its
// `roles` (who may call it: dispatch's gate on the server) never run there, yet they were ~8 KB of
// the weapp main package, which has a 400 KB budget. Taro's builds (this plugin is in
// babel.config.js only) drop both from contract/actions.ts; the cloud functions (esbuild) and the
// tests keep them.
const path = require('node:path');

const ACTIONS = path.join('src', 'contract', 'actions.ts');
// The same for the error sentences (contract/errors.ts): the server sends one with every failure, so
// the app keeps only those of the failures it makes itself (api/call.ts, the 待办 page); the codes stay.
const ERRORS = path.join('src', 'contract', 'errors.ts');
const CLIENT_MADE = new Set(['BAD_INPUT', 'INTERNAL', 'REASON_REQUIRED', 'FORBIDDEN', 'UNAUTHENTICATED']);

module.exports = function stripServerOnlyActionFields() {
  return {
    name: 'strip-server-only-action-fields',
    visitor: {
      ObjectProperty(p, state) {
        const file = state.filename ?? '';
        if (file.endsWith(ERRORS)) {
          // ERROR_MESSAGES = { … } as const: the object's declaration, through the `as const`.
          let up = p.parentPath.parentPath;
          if (up && up.isTSAsExpression()) up = up.parentPath;
          const isMessages = up && up.isVariableDeclarator() && up.node.id.name === 'ERROR_MESSAGES';
          if (isMessages && p.node.key.type === 'Identifier' && p.node.value.type === 'StringLiteral' && !CLIENT_MADE.has(p.node.key.name)) p.node.value.value = '';
          return;
        }
        if (!file.endsWith(ACTIONS)) return;
        const { key, value, computed } = p.node;
        if (computed || key.type !== 'Identifier') return;
        if ((key.name === 'summary' && value.type === 'StringLiteral') || (key.name === 'roles' && value.type === 'ArrayExpression')) p.remove();
      },
    },
  };
};
