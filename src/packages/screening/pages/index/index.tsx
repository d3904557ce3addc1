import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ProgrammeCardDTO } from '~types/screening'
import type { MeDTO } from '~types/member'
import { routeUrl } from '~types/routes'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { isDemoLogin } from '~src/services/demo-session'
import { cachedMe, loadMe } from '~src/services/me-store'
import { formatDateTime } from '~src/utils/datetime'
import { STATUS_LABEL } from '~src/packages/screening/lib/format'
import '~src/packages/screening/styles.css'

const go = (url: string) => Taro.navigateTo({ url })

function statusLine(card: ProgrammeCardDTO): string {
  const p = card.programme
  if (p.status === 'upcoming') return `${formatDateTime(p.releaseAt)} 开放预约`
  if (p.status === 'closed') return '预约已结束'
  return p.placesLeft > 0 ? `正在预约 · 余 ${p.placesLeft} 个名额` : '名额已约满，可加入候补'
}

function ProgrammeCard({ card }: { card: ProgrammeCardDTO }) {
  const { programme: p, eligibility: e, myBooking } = card
  const active = myBooking && myBooking.status !== 'cancelled'
  return (
    <View
      id={`programme-${p.id}`}
      className='card'
      hoverClass='sc-pressed'
      onClick={() => go(routeUrl('screeningProgramme', { id: p.id }))}
    >
      <Text className='card__title'>{p.name}</Text>
      <Text className='sc-sub'>主办：{p.organiser}</Text>
      <Text className='sc-sub'>{statusLine(card)}</Text>
      <View>
        {active ? (
          <Text className='sc-tag sc-tag--ok'>
            {myBooking.status === 'checked_in' ? '您已参加本轮筛查' : `我的预约：${STATUS_LABEL[myBooking.status]}`}
          </Text>
        ) : e.eligible ? (
          <Text className='sc-tag sc-tag--ok'>您符合参加条件{e.priority ? ' · 优先' : ''}</Text>
        ) : (
          <Text className='sc-tag sc-tag--warn'>不符合：{e.reason}</Text>
        )}
      </View>
      <Text className='notice__action'>查看详情 ›</Text>
    </View>
  )
}

/** The way into the site desk and the officers' pages, for those whose roles allow them. */
function StaffEntries({ me }: { me: MeDTO | null }) {
  const isSiteStaff = !!me?.roles.some((r) => r.role === 'staff' && r.scope.kind === 'site')
  const isOfficer = !!me?.roles.some((r) => r.role === 'officer')
  return (
    <>
      {isSiteStaff && (
        <NoticeBanner
          id='go-desk'
          tone='ok'
          text='筛查点工作台：签到、未到场、结果登记'
          actionText='进入'
          onAction={() => go(routeUrl('screeningDesk'))}
        />
      )}
      {isOfficer && (
        <NoticeBanner
          id='go-admin'
          tone='ok'
          text='筛查项目管理：新建项目、看板、导出'
          actionText='进入'
          onAction={() => go(routeUrl('screeningAdmin'))}
        />
      )}
    </>
  )
}

export default function ScreeningIndex() {
  const [me, setMe] = useState<MeDTO | null>(cachedMe())
  const list = useRemote((silent) => {
    loadMe({ silent: true }).then(setMe, () => undefined)
    return call('screening', 'listProgrammes', {}, { silent })
  })
  return (
    <PageFrame>
      <Text className='sc-title'>两癌筛查</Text>
      <Text className='sc-sub'>免费宫颈癌、乳腺癌筛查。选好医院和时段即可预约，结果只有您本人能看到。</Text>
      <StaffEntries me={me} />
      {me && !me.verified && (
        <NoticeBanner tone='warn' text='请先完成会员认证，才能预约' actionText='去认证' onAction={() => go(routeUrl('verify'))} />
      )}
      <RemoteView remote={list} isEmpty={(d) => d.length === 0} emptyText='目前没有开放的筛查项目，工会发布后会在这里显示。'>
        {(cards) => cards.map((card) => <ProgrammeCard key={card.programme.id} card={card} />)}
      </RemoteView>
      <NoticeBanner
        id='go-outbox'
        text={isDemoLogin ? '通知记录（本地演示：显示本应发出的微信通知）' : '我的通知记录'}
        actionText='查看'
        onAction={() => go(routeUrl('screeningOutbox'))}
      />
    </PageFrame>
  )
}
