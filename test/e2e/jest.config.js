// End-to-end: the real local host (as `npm start` runs it) and the h5 build in headless chromium.
module.exports = {
  displayName: 'e2e',
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  transform: { '\\.[jt]sx?$': '<rootDir>/test/babel-transform.js' },
};
