// miniprogram-simulate over the real weapp build in dist/weapp (see README in this folder).
module.exports = {
  displayName: 'weapp',
  rootDir: '../..',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/weapp/**/*.test.{ts,tsx}'],
  transform: { '\\.[jt]sx?$': '<rootDir>/test/babel-transform.js' },
  // The build is already ES5 for WeChat; transforming 300 KB of it again only costs time.
  transformIgnorePatterns: ['/node_modules/', '/dist/', '/.builds/'],
};
