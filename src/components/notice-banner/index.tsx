import { Text, View } from '@tarojs/components'
import './index.css'

interface Props {
  text: string
  actionText?: string
  onAction?: () => void
  tone?: 'warn' | 'info' | 'ok'
  id?: string
}

/** A full-width notice; when it has an action the whole banner is the tap target. */
export function NoticeBanner({ text, actionText, onAction, tone = 'info', id }: Props) {
  return (
    <View id={id} className={`notice notice--${tone}`} hoverClass={onAction ? 'notice--pressed' : 'none'} onClick={onAction}>
      <Text className='notice__text'>{text}</Text>
      {actionText && <Text className='notice__action'>{actionText} ›</Text>}
    </View>
  )
}
