// Pages run as on weapp unless a test says otherwise.
process.env.TARO_ENV = 'weapp';
