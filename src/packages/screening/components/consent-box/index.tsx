import { Text, View } from '@tarojs/components'
import { useState } from 'react'

interface Props {
  notice: { version: string; text: string }
  agreed: boolean
  onChange: (agreed: boolean) => void
}

/** The privacy notice in plain words, its version, and one big box to tick. The text folds so the button stays in reach. */
export function ConsentBox({ notice, agreed, onChange }: Props) {
  const [open, setOpen] = useState(false)
  return (
    <View className='card'>
      <Text className='card__title'>个人信息告知（第 {notice.version} 版）</Text>
      <Text className='sc-notice-text'>{open ? notice.text : `${notice.text.slice(0, 60)}${notice.text.length > 60 ? '…' : ''}`}</Text>
      {notice.text.length > 60 && (
        <Text id='consent-toggle' className='sc-sub sc-pressable' onClick={() => setOpen(!open)}>
          {open ? '收起' : '展开全文 ›'}
        </Text>
      )}
      <View id='consent-check' className='sc-consent' onClick={() => onChange(!agreed)}>
        <View className={`sc-checkbox ${agreed ? 'sc-checkbox--on' : ''}`}>{agreed ? '✓' : ''}</View>
        <Text className='sc-sub'>我已阅读并同意以上告知（第 {notice.version} 版），同意医院和工会为筛查使用我的姓名、电话和结果状态</Text>
      </View>
    </View>
  )
}
