import { Text, View } from '@tarojs/components'
import type { CentreItemDTO } from '~types/vouchers'
import { BigButton } from '~src/components/big-button'
import { formatCountdown, formatDateTime } from '~src/utils/datetime'
import { STATE_BUTTON } from '~src/packages/vouchers/lib/labels'

interface Props {
  item: CentreItemDTO
  now: number
  busy: boolean
  onAct: (item: CentreItemDTO) => void
}

/** One campaign in the centre: what it gives, where, and what this member can do now (or why not). */
/** Its name, rule and 主办 (the union that runs it, issue 20). */
function CardHead({ c }: { c: CentreItemDTO['campaign'] }) {
  return (
    <>
      <Text className='card__title'>{c.name}</Text>
      <Text className='vc-rule'>{c.ruleText}</Text>
      <Text id={`campaign-${c.id}-organiser`} className='vc-small'>
        主办：{c.organiser}
      </Text>
    </>
  )
}

export function CampaignCard({ item, now, busy, onAct }: Props) {
  const { campaign: c, state } = item
  const button = STATE_BUTTON[state]
  const opensIn = state === 'upcoming' ? c.claimStartsAt - now : 0
  return (
    <View id={`campaign-${c.id}`} className='card'>
      <CardHead c={c} />
      <Text className='vc-small'>
        {c.funderName} · {c.mode === 'lottery' ? '抽签发放' : '先到先得'} · 每人限 {item.perMember} 张
        {item.held ? `（已领 ${item.held} 张）` : ''}
      </Text>
      <Text className='vc-small'>可用商户：{c.merchants.map((m) => m.name).join('、')}</Text>
      <Text className='vc-small'>使用截止：{formatDateTime(c.useEndsAt)}</Text>
      {item.modelWorkerExtra && <Text className='vc-tag'>{item.modelWorkerExtra}</Text>}
      {c.mode === 'lottery' && c.drawAt && !item.draw && <Text className='vc-small'>开奖时间：{formatDateTime(c.drawAt)}</Text>}
      {item.draw && (
        <Text className='vc-small'>
          已开奖：{item.draw.entrants} 人报名，{item.draw.winners} 人中签；种子 {item.draw.seed}；报名名单摘要 SHA-256{' '}
          {item.draw.entriesDigest.slice(0, 16)}…{item.entryRef ? `；您的报名编号 ${item.entryRef}` : ''}
        </Text>
      )}
      {opensIn > 0 && (
        <Text id={`campaign-${c.id}-countdown`} className='vc-line warn-text'>
          距开始领取 {formatCountdown(opensIn)}
        </Text>
      )}
      {item.reason && state !== 'upcoming' && (
        <Text id={`campaign-${c.id}-reason`} className={`vc-line ${state === 'entered' || state === 'won' ? 'ok-text' : 'muted'}`}>
          {item.reason}
        </Text>
      )}
      {button && (
        <BigButton id={`campaign-${c.id}-act`} loading={busy} onClick={() => onAct(item)}>
          {button}
        </BigButton>
      )}
    </View>
  )
}
