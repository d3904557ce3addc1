import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef } from 'react'
import type { ProgrammeCardDTO } from '../../../../../types/screening'
import { BackLink } from '../../../../components/back-link'
import { BigButton } from '../../../../components/big-button'
import { NoticeBanner } from '../../../../components/notice-banner'
import { StateView } from '../../../../components/state-view'
import { ReleaseCountdown } from '../../components/release-countdown'
import { WaitlistCard } from '../../components/waitlist-card'
import { useRemote } from '../../hooks/use-remote'
import { loadCard } from '../../services/programme'
import { dateTimeOf, sessionLine, STATUS_LABEL } from '../../utils/format'
import { routes } from '../../utils/routes'
import { stageOf } from '../../utils/stage'
import '../../styles.css'

const go = (url: string) => Taro.navigateTo({ url })

function Eligibility({ card }: { card: ProgrammeCardDTO }) {
  const e = card.eligibility
  if (!e.eligible) {
    return (
      <View className='card' id='eligibility'>
        <Text className='card__title sc-warn'>您暂不符合参加条件</Text>
        <Text id='ineligible-reason' className='sc-sub sc-warn'>{e.reasons.join('；') || e.reason}</Text>
        <Text className='sc-sub'>如信息有误，请联系所在工会。</Text>
      </View>
    )
  }
  return (
    <View className='card' id='eligibility'>
      <Text id='eligible-ok' className='card__title sc-ok'>✓ 您符合参加条件</Text>
      {e.priority && !e.priorityNote && <Text className='sc-tag sc-tag--ok'>优先人群</Text>}
      {e.priorityNote && <Text className='sc-sub'>{e.priorityNote}</Text>}
    </View>
  )
}

export default function ProgrammePage() {
  const { params } = useRouter()
  const readAt = useRef(Date.now())
  const card = useRemote(async (silent) => {
    const value = await loadCard(params.id, silent)
    readAt.current = Date.now()
    return value
  })
  if (!card.loaded) return <StateView state={card.error ? 'error' : 'loading'} message={card.error || undefined} onRetry={card.reload} />
  if (!card.data) return <StateView state='empty' message='没有找到这个筛查项目' />
  const c = card.data
  const p = c.programme
  const stage = stageOf(c)
  return (
    <View className='page'>
      <Text className='sc-title'>{p.name}</Text>
      <Text className='sc-sub'>{p.organiser} · 共 {p.totalQuota} 个名额</Text>
      <Text className='sc-sub'>{p.description}</Text>
      <Eligibility card={c} />
      {stage === 'booked' && c.myBooking && (
        <NoticeBanner id='go-booking' tone='ok' text={`我的预约（${STATUS_LABEL[c.myBooking.status]}）：${sessionLine(c.myBooking.session, c.myBooking.site)}`} actionText='查看' onAction={() => go(routes.booking(p.id))} />
      )}
      {(stage === 'offered' || stage === 'waiting') && c.myWaitlist && <WaitlistCard programme={p} waitlist={c.myWaitlist} onChange={card.reload} />}
      {stage === 'upcoming' && (
        <ReleaseCountdown programmeId={p.id} releaseAt={p.releaseAt} serverNow={c.serverNow} readAt={readAt.current} reminded={c.releaseReminder} onReleased={card.reload} />
      )}
      {stage === 'open' && <BigButton id='go-book' onClick={() => go(routes.book(p.id))}>去预约（余 {p.placesLeft} 个名额）</BigButton>}
      {stage === 'full' && <BigButton id='go-book' variant='secondary' onClick={() => go(routes.book(p.id))}>名额已满，查看时段或加入候补</BigButton>}
      {stage === 'closed' && <NoticeBanner tone='warn' text='本轮预约已结束' />}
      <View className='card'>
        <Text className='card__title'>筛查地点</Text>
        {p.sites.map((s) => (
          <View key={s.id} className='sc-list-item'>
            <Text className='sc-sub'>{s.name} · {s.address}</Text>
            <Text className='sc-sub'>电话 {s.phone}</Text>
          </View>
        ))}
        <Text className='sc-sub'>筛查日期：{p.firstDay} 至 {p.lastDay}；预约截止 {dateTimeOf(p.bookingClosesAt)}；就诊前 {p.cancelDeadlineHours} 小时内不能取消或改约。</Text>
      </View>
      <BackLink />
    </View>
  )
}
