import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { EventSummaryDTO } from '~types/events'
import { KIND_LABEL, PHASE_LABEL, signedUpText } from '~src/packages/events/lib/event-format'
import { formatRange } from '~src/utils/datetime'
import './index.css'

interface Props {
  event: EventSummaryDTO
  /** Where a tap on the card leads. */
  url: string
  children?: React.ReactNode
}

/** One event in a list: what, when, where, how full; the whole card opens it. */
export function EventCard({ event: e, url, children }: Props) {
  return (
    <View id={`event-${e.id}`} className='event-card card'>
      <View className='event-card__body' hoverClass='event-card__body--pressed' onClick={() => Taro.navigateTo({ url })}>
        <View className='event-card__tags'>
          <Text className={`event-card__tag event-card__tag--${e.phase}`}>{PHASE_LABEL[e.phase]}</Text>
          <Text className='event-card__tag'>{KIND_LABEL[e.kind]}</Text>
          {e.full && !e.mySignUp && <Text className='event-card__tag event-card__tag--full'>已满</Text>}
          {e.mySignUp && <Text className='event-card__tag event-card__tag--mine'>已报名</Text>}
        </View>
        <Text className='event-card__title'>{e.title}</Text>
        <Text className='event-card__line'>{formatRange(e.startsAt, e.endsAt)}</Text>
        <Text className='event-card__line'>
          {e.venue.city} · {e.venue.name}
        </Text>
        {/* 主办 on every event (issue 20): the owning union */}
        <Text id={`event-${e.id}-organiser`} className='event-card__line muted'>
          {[e.organiser && `主办：${e.organiser}`, e.signUp.required && signedUpText(e), e.boothCount && `${e.boothCount} 个展位`]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {e.signUp.required && e.notForYou && !e.mySignUp && (
          <Text id={`event-${e.id}-not-for-you`} className='event-card__line event-card__why'>
            {e.notForYou}
          </Text>
        )}
      </View>
      {children}
    </View>
  )
}
