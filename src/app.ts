import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { applyTypeScale } from './services/type-scale'
import './app.css'

// Before the first page renders, so she never sees the page jump from the standard size to hers.
applyTypeScale()

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
