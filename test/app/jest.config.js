module.exports = { displayName: 'app', rootDir: '../..', testMatch: ['<rootDir>/test/app/**/*.test.{ts,tsx}'] };
