import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ProgrammeDTO, WaitlistDTO, WaitlistOfferDTO } from '~types/screening'
import { BigButton } from '~src/components/big-button'
import { routeUrl } from '~types/routes'
import { Refusal, useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { formatDateTime } from '~src/utils/datetime'
import { sessionLine } from '~src/packages/screening/lib/format'
import { ConsentBox } from '../consent-box'

interface Props {
  programme: ProgrammeDTO
  waitlist: WaitlistDTO
  onChange: () => void
}

interface OfferProps {
  programme: ProgrammeDTO
  offer: WaitlistOfferDTO
  agreed: boolean
  setAgreed: (agreed: boolean) => void
  busy: boolean
  accept: () => void
  decline: () => void
}

/** A held place: where and when, until when she may take it, with her consent. */
function OfferView({ programme, offer, agreed, setAgreed, busy, accept, decline }: OfferProps) {
  return (
    <View>
      <Text className='card__title sc-ok'>候补成功：为您保留了一个名额</Text>
      <Text className='sc-sub'>{sessionLine(offer.session, offer.site)}</Text>
      <Text className='sc-sub sc-warn'>请在 {formatDateTime(offer.expiresAt)} 前确认，过时名额将让给下一位</Text>
      <ConsentBox notice={programme.privacyNotice} agreed={agreed} onChange={setAgreed} />
      <BigButton id='accept-offer' loading={busy} onClick={accept}>
        确认预约
      </BigButton>
      <BigButton id='decline-offer' variant='secondary' loading={busy} onClick={decline}>
        不需要了
      </BigButton>
    </View>
  )
}

interface WaitingProps {
  programme: ProgrammeDTO
  waitlist: WaitlistDTO
  busy: boolean
  leave: () => void
}

/** Still in line: her place, and how long a place is held once offered. */
function WaitingView({ programme, waitlist, busy, leave }: WaitingProps) {
  return (
    <View>
      <Text className='card__title'>候补中</Text>
      <Text id='waitlist-position' className='sc-big'>
        排第 {waitlist.position ?? '-'} 位
      </Text>
      <Text className='sc-sub'>有人取消时按顺序通知，名额保留 {programme.offerHoldMinutes} 分钟。</Text>
      <BigButton id='leave-waitlist' variant='secondary' loading={busy} onClick={leave}>
        退出候补
      </BigButton>
    </View>
  )
}

/** Her place in line, or a held place she can take (with consent) or pass on. */
export function WaitlistCard({ programme, waitlist, onChange }: Props) {
  const [agreed, setAgreed] = useState(false)
  const act = useAction((task: () => Promise<unknown>) => task())
  const { run, busy, error } = act
  const pid = programme.id
  const accept = () => {
    return run(async () => {
      if (!agreed) throw new Refusal('请先阅读并勾选同意个人信息告知')
      await call('screening', 'acceptOffer', { programmeId: pid, consentVersion: programme.privacyNotice.version })
      await Taro.redirectTo({ url: routeUrl('screeningBooking', { id: pid }) })
    })
  }
  const decline = () => run(() => call('screening', 'declineOffer', { programmeId: pid }).then(onChange))
  const leave = () => run(() => call('screening', 'leaveWaitlist', { programmeId: pid }).then(onChange))
  const offer = waitlist.offer
  return (
    <View className='card' id='waitlist-card'>
      {offer ? (
        <OfferView
          programme={programme}
          offer={offer}
          agreed={agreed}
          setAgreed={setAgreed}
          busy={busy}
          accept={accept}
          decline={decline}
        />
      ) : (
        <WaitingView programme={programme} waitlist={waitlist} busy={busy} leave={leave} />
      )}
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  )
}
