// Pages and components in jsdom, with light stand-ins for Taro's components and APIs.
module.exports = {
  displayName: 'app',
  rootDir: '../..',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/app/**/*.test.{ts,tsx}'],
  transform: { '\\.[jt]sx?$': '<rootDir>/test/babel-transform.js' },
  // ECharts and zrender ship ES modules (the reports chart wrapper is tested on them).
  transformIgnorePatterns: ['/node_modules/(?!(echarts|zrender)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/test/app/stubs/components.tsx',
    '^@tarojs/taro$': '<rootDir>/test/app/stubs/taro.ts',
    '\\.(css|scss)$': '<rootDir>/test/app/stubs/style.ts',
  },
  setupFiles: ['<rootDir>/test/app/stubs/setup.ts'],
};
