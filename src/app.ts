import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // In WeChat every callFunction needs the cloud SDK initialised once; on H5 the api layer uses HTTP instead.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
    }
  })
  return children
}

export default App
