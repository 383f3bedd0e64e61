module.exports = { displayName: 'e2e', rootDir: '../..', testMatch: ['<rootDir>/test/e2e/**/*.test.{ts,tsx}'] };
