/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro builds for; a constant in built code, set by the test set-up in jest. */
    TARO_ENV?: 'weapp' | 'h5';
  }
}
