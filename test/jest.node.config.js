// Pure rules, the contract and the server over in-process stores.
module.exports = {
  displayName: 'node',
  rootDir: '..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/{core,contract,server,reliability,deploy}/**/*.test.ts'],
  transform: { '\\.[jt]sx?$': '<rootDir>/test/babel-transform.js' },
  transformIgnorePatterns: ['/node_modules/(?!(chinese-days)/)'],
};
