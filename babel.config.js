// Taro's build only; jest uses test/babel-transform.js.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  // Actions' summaries and roles are the server's: kept out of the weapp main package.
  plugins: [require.resolve('./config/babel-strip-server-only')],
};
