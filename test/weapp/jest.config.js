module.exports = { displayName: 'weapp', rootDir: '../..', testMatch: ['<rootDir>/test/weapp/**/*.test.{ts,tsx}'] };
