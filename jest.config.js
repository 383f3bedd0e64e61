module.exports = {
  projects: [
    '<rootDir>/test/jest.node.config.js',
    '<rootDir>/test/app/jest.config.js',
    '<rootDir>/test/weapp/jest.config.js',
    '<rootDir>/test/e2e/jest.config.js',
  ],
};
