import { Text, View } from '@tarojs/components'
import { useTypeScale } from '~src/hooks/use-type-scale'

/**
 * 长辈版 (the national 适老化 rules ask for such a switch in settings): the whole row is one
 * two-state button, its state in words, so she never has to read a tiny toggle's colour.
 */
export function ElderSwitch() {
  const { elder, setElder } = useTypeScale()
  return (
    <View className='card' id='me-elder'>
      <Text className='card__title'>长辈版</Text>
      <View
        id='elder-switch'
        className={`elder-switch ${elder ? 'elder-switch--on' : ''}`}
        hoverClass='notice--pressed'
        aria-checked={elder}
        role='switch'
        onClick={() => setElder(!elder)}
      >
        <Text className='elder-switch__text'>大字体、宽行距，提示不自动消失</Text>
        <Text className='elder-switch__state'>{elder ? '已开启' : '已关闭'}</Text>
      </View>
      <Text className='muted'>也可在微信「设置 → 通用 → 字体大小」调大字体，本程序随之放大。</Text>
    </View>
  )
}
