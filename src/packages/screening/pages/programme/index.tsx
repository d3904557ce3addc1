import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef } from 'react'
import { type ProgrammeCardDTO, type ProgrammeDTO, siteLabel } from '~types/screening'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { formatDateTime } from '~src/utils/datetime'
import { ReleaseCountdown } from '~src/packages/screening/components/release-countdown'
import { WaitlistCard } from '~src/packages/screening/components/waitlist-card'
import { eligibilityView } from '~src/packages/screening/lib/eligibility-view'
import { sessionLine, STATUS_LABEL } from '~src/packages/screening/lib/format'
import { loadCard } from '~src/packages/screening/lib/programme'
import { stageOf, type Stage } from '~src/packages/screening/lib/stage'
import '~src/packages/screening/styles.css'

const go = (url: string) => Taro.navigateTo({ url })

function Eligibility({ card }: { card: ProgrammeCardDTO }) {
  const view = eligibilityView(card)
  if (view.kind === 'attended') {
    return (
      <View className='card' id='eligibility'>
        <Text id='attended' className='card__title sc-ok'>
          ✓ {view.title}
        </Text>
        <Text className='sc-sub'>{view.detail}</Text>
      </View>
    )
  }
  if (view.kind === 'ineligible') {
    return (
      <View className='card' id='eligibility'>
        <Text className='card__title sc-warn'>您暂不符合参加条件</Text>
        <Text id='ineligible-reason' className='sc-sub sc-warn'>
          {view.reasons}
        </Text>
        <Text className='sc-sub'>如信息有误，请联系所在工会。</Text>
      </View>
    )
  }
  const e = card.eligibility
  return (
    <View className='card' id='eligibility'>
      <Text id='eligible-ok' className='card__title sc-ok'>
        ✓ 您符合参加条件
      </Text>
      {e.priority && !e.priorityNote && <Text className='sc-tag sc-tag--ok'>优先人群</Text>}
      {e.priorityNote && <Text className='sc-sub'>{e.priorityNote}</Text>}
    </View>
  )
}

/** Where the screening takes place, and the dates and deadlines of this round. */
function SitesCard({ p }: { p: ProgrammeDTO }) {
  return (
    <View className='card'>
      <Text className='card__title'>筛查地点</Text>
      {p.sites.map((s) => (
        <View key={s.id} className='sc-list-item'>
          <Text className='sc-sub'>
            {siteLabel(s)} · {s.address}
          </Text>
          <Text className='sc-sub'>电话 {s.phone}</Text>
        </View>
      ))}
      <Text className='sc-sub'>
        筛查日期：{p.firstDay} 至 {p.lastDay}；预约截止 {formatDateTime(p.bookingClosesAt)}；就诊前 {p.cancelDeadlineHours}{' '}
        小时内不能取消或改约。
      </Text>
    </View>
  )
}

/** The way into booking while places are open, or into its sessions and the waitlist once they are gone. */
function BookEntry({ p, stage }: { p: ProgrammeDTO; stage: Stage }) {
  return (
    <>
      {stage === 'open' && (
        <BigButton id='go-book' onClick={() => go(routeUrl('screeningBook', { id: p.id }))}>
          去预约（余 {p.placesLeft} 个名额）
        </BigButton>
      )}
      {stage === 'full' && (
        <BigButton id='go-book' variant='secondary' onClick={() => go(routeUrl('screeningBook', { id: p.id }))}>
          名额已满，查看时段或加入候补
        </BigButton>
      )}
    </>
  )
}

interface StageProps {
  c: ProgrammeCardDTO
  stage: Stage
  readAt: number
  reload: () => void
}

/** What she can do at this stage: see her booking, answer an offer, wait for release, book, or nothing. */
function StageActions({ c, stage, readAt, reload }: StageProps) {
  const p = c.programme
  return (
    <>
      {stage === 'booked' && c.myBooking && (
        <NoticeBanner
          id='go-booking'
          tone='ok'
          text={`我的预约（${STATUS_LABEL[c.myBooking.status]}）：${sessionLine(c.myBooking.session, c.myBooking.site)}`}
          actionText='查看'
          onAction={() => go(routeUrl('screeningBooking', { id: p.id }))}
        />
      )}
      {(stage === 'offered' || stage === 'waiting') && c.myWaitlist && (
        <WaitlistCard programme={p} waitlist={c.myWaitlist} onChange={reload} />
      )}
      {stage === 'upcoming' && (
        <ReleaseCountdown
          programmeId={p.id}
          releaseAt={p.releaseAt}
          serverNow={c.serverNow}
          readAt={readAt}
          reminded={c.releaseReminder}
          onReleased={reload}
        />
      )}
      <BookEntry p={p} stage={stage} />
      {stage === 'closed' && <NoticeBanner tone='warn' text='本轮预约已结束' />}
    </>
  )
}

function Programme({ c, readAt, reload }: { c: ProgrammeCardDTO; readAt: number; reload: () => void }) {
  const p = c.programme
  const stage = stageOf(c)
  return (
    <>
      <Text className='sc-title'>{p.name}</Text>
      <Text className='sc-sub'>
        主办：{p.organiser} · 共 {p.totalQuota} 个名额
      </Text>
      <Text className='sc-sub'>{p.description}</Text>
      <Eligibility card={c} />
      <StageActions c={c} stage={stage} readAt={readAt} reload={reload} />
      <SitesCard p={p} />
    </>
  )
}

export default function ProgrammePage() {
  const params = useParams()
  const readAt = useRef(Date.now())
  const card = useRemote(
    async (silent) => {
      const value = await loadCard(params.id, silent)
      readAt.current = Date.now()
      return value
    },
    [params.id],
  )
  return (
    <PageFrame>
      <RemoteView remote={card} isEmpty={(c) => !c} emptyText='没有找到这个筛查项目'>
        {(c) => c && <Programme c={c} readAt={readAt.current} reload={() => void card.reload()} />}
      </RemoteView>
    </PageFrame>
  )
}
