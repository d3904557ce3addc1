import { Text, View } from '@tarojs/components'
import { BigButton } from '../big-button'
import './index.css'

interface Props {
  state: 'loading' | 'error' | 'empty'
  message?: string
  onRetry?: () => void
}

/** Loading, failure and nothing-here all look alike across pages, and a failure always offers a retry. */
export function StateView({ state, message, onRetry }: Props) {
  const text = message ?? (state === 'loading' ? '正在加载…' : state === 'empty' ? '暂无内容' : '加载失败')
  return (
    <View className={`state-view state-view--${state}`}>
      <Text className='state-view__text'>{text}</Text>
      {state === 'error' && onRetry && (
        <BigButton variant='secondary' onClick={onRetry}>
          重试
        </BigButton>
      )}
    </View>
  )
}
