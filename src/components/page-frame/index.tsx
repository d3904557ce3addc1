import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useTypeScale } from '~src/hooks/use-type-scale'
import { goBackOrHome } from '../back-link'
import { ElderNotice } from './elder-notice'
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
 *
 * It also carries the type scale (src/services/type-scale.ts): the classes for roomier lines, and in
 * WeChat the scale itself. There every size is rpx, fixed to the screen width, and a page has no
 * <html> root to rescale; `zoom` on the page root scales type, gaps and tap targets together while
 * the page still fills the screen's width, as the root font size does on H5 (which applies it
 * on <html> instead, so no zoom here: it would scale twice).
 */
export function PageFrame({ children, className = '', id, back = true }: Props) {
  const { factor, elder } = useTypeScale()
  const scaled = `${factor > 1 ? 'page--scaled' : ''} ${elder ? 'page--elder' : ''}`
  const style = !isH5 && factor > 1 ? { zoom: factor } : undefined
  return (
    <View id={id} className={`page ${scaled} ${className}`} style={style}>
      {isH5 && back && (
        <View id='page-back' className='page-frame__back' hoverClass='page-frame__back--pressed' onClick={goBackOrHome}>
          ‹ 返回
        </View>
      )}
      <ElderNotice />
      {children}
    </View>
  )
}
