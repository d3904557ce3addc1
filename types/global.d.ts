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
    /** weapp only: link prefix of staff invite QRs (扫普通链接二维码打开小程序 rule); '' = the page path. Set in .env*. */
    TARO_APP_INVITE_LINK: string | undefined
    /** weapp only: subscription-message template ids, JSON `{"screening": {"booking": "<id>"}, …}`; '' = none yet. Set in .env*. */
    TARO_APP_NOTICE_TEMPLATES: string | undefined
  }
}
