import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface Props {
  children: ReactNode
  onClick?: () => void
  variant?: 'primary' | 'secondary' | 'danger'
  loading?: boolean
  disabled?: boolean
  id?: string
  className?: string
}

/** The one button of the app: full width, at least 48px tall, busy and disabled states that ignore taps. */
export function BigButton({ children, onClick, variant = 'primary', loading, disabled, id, className = '' }: Props) {
  const inactive = !!(loading || disabled)
  return (
    <View
      id={id}
      className={`big-button big-button--${variant} ${inactive ? 'big-button--inactive' : ''} ${className}`}
      hoverClass={inactive ? 'none' : 'big-button--pressed'}
      onClick={() => !inactive && onClick?.()}
    >
      {loading ? '请稍候…' : children}
    </View>
  )
}
