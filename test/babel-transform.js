// Jest's own Babel set-up, kept apart from babel.config.js (which belongs to Taro's build).
module.exports = require('babel-jest').default.createTransformer({
  configFile: false,
  babelrc: false,
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-typescript', { isTSX: true, allExtensions: true }],
    ['@babel/preset-react', { runtime: 'automatic' }],
  ],
});
