import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { goBackOrHome } from '../back-link'
import './index.css'

interface Props {
  children: ReactNode
  className?: string
  id?: string
  /** false on the service hall itself, which has nowhere to go back to. */
  back?: boolean
}

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * Every page's outer box. In the browser there is no navigation bar with a back
 * arrow, so each page carries its own 返回 at the top (to the previous page, or
 * to the service hall when opened from a link); WeChat draws its own.
 */
export function PageFrame({ children, className = '', id, back = true }: Props) {
  return (
    <View id={id} className={`page ${className}`}>
      {isH5 && back && (
        <View id='page-back' className='page-frame__back' hoverClass='page-frame__back--pressed' onClick={goBackOrHome}>
          ‹ 返回
        </View>
      )}
      {children}
    </View>
  )
}
