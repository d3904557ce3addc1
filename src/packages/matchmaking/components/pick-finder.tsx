import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { DirectoryDTO } from '~types/matchmaking'
import { scrollToId } from '~src/utils/scroll-to'
import { findBadge } from '~src/packages/matchmaking/lib/pick-draft'

/**
 * 输入号码: at a mixer people know each other by the badge, and the list is long
 * (117 people): the typed badge is brought into view and marked; an unknown one is said so.
 * One row (no label line above it): it stays in view over the list, so it keeps small.
 */
export function PickFinder({ dir, onFound }: { dir: DirectoryDTO; onFound: (badge: number) => void }) {
  const [text, setText] = useState('')
  const [miss, setMiss] = useState('')
  const find = () => {
    const r = findBadge(text, dir)
    if ('message' in r) return setMiss(r.message)
    setMiss('')
    onFound(r.badge)
    scrollToId(`entry-${r.badge}`)
  }
  return (
    <View className='mx-finder'>
      <View className='mx-finder__row'>
        <Input
          id='find-number'
          className='mx-finder__input'
          type='number'
          maxlength={6}
          value={text}
          placeholder='输入号码，如 27'
          aria-label='输入号码'
          confirmType='search'
          onInput={(e) => {
            setText(e.detail.value)
            setMiss('')
          }}
          onConfirm={find}
        />
        <View id='find-badge' className='mx-finder__go' hoverClass='big-button--pressed' onClick={find}>
          找人
        </View>
      </View>
      {miss && (
        <Text id='find-miss' className='mx-text mx-warn'>
          {miss}
        </Text>
      )}
    </View>
  )
}
