// Taro's build only; jest uses test/babel-transform.js.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
