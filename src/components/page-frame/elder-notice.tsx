import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { currentNotice, dismissNotice, onNotice, type Notice } from '~src/services/notify'

/** 长辈版's stand-in for a toast: the message stays at the top of the page until she taps 知道了. */
export function ElderNotice() {
  const [notice, setNotice] = useState<Notice | null>(currentNotice)
  useEffect(() => onNotice(setNotice), [])
  if (!notice) return null
  return (
    <View id='elder-notice' className='elder-notice' key={notice.seq}>
      <Text className='elder-notice__text'>✓ {notice.text}</Text>
      <View id='elder-notice-ok' className='elder-notice__ok' hoverClass='elder-notice__ok--pressed' onClick={dismissNotice}>
        知道了
      </View>
    </View>
  )
}
