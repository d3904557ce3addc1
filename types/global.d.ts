/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro is building for. */
    TARO_ENV: 'weapp' | 'h5' | undefined
    /** H5 only: base URL of the local function host; '' means the page's own origin. Set in .env*. */
    TARO_APP_API_BASE: string | undefined
    /** weapp only: CloudBase environment id; '' means the env chosen in WeChat DevTools. Set in .env*. */
    TARO_APP_CLOUD_ENV: string | undefined
    /** weapp only: subscription-message template ids, JSON `{"screening": {"booking": "<id>"}, …}`; '' = none yet. Set in .env*. */
    TARO_APP_NOTICE_TEMPLATES: string | undefined
    /** 'on': the verify page offers 手机号快速验证 (the server's WX_PHONE_NUMBER still decides). Set in .env*. */
    TARO_APP_PHONE_VERIFY: string | undefined
  }
}
