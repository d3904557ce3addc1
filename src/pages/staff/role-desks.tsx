import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { EventSummaryDTO } from '~types/events'
import type { RoleDTO, StaffScope } from '~types/member'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { describeRole } from '~src/constants/roles'
import { isMerchantManager, merchantOf, STAFF_DESKS } from '~src/constants/staff-desks'

type StaffRole = Extract<RoleDTO, { role: 'staff' }>

/** What an event-kind role can be: an event of the events service, or a mixer of 会聚良缘. */
export interface EventPlaces {
  events: EventSummaryDTO[]
  mixerIds: string[]
}
const go = (url: string) => Taro.navigateTo({ url })

/** An event's desks come from the events service (a fair has a gift desk, checkpoints a station). */
function EventDesks({ scope, places }: { scope: StaffScope; places: EventPlaces | null }) {
  const e = places?.events.find((x) => x.id === scope.id)
  if (!e && places?.mixerIds.includes(scope.id)) {
    return (
      <BigButton id={`desk-mixer-${scope.id}`} onClick={() => go(routeUrl('matchmakingStation', { id: scope.id }))}>
        联谊会签到台
      </BigButton>
    )
  }
  if (!e)
    return (
      <BigButton id={`desk-event-${scope.id}`} onClick={() => go(routeUrl('eventsStaff'))}>
        进入活动工作台
      </BigButton>
    )
  return (
    <View>
      {e.kind === 'fair' && (
        <BigButton id={`desk-gift-${e.id}`} onClick={() => go(routeUrl('eventsGiftDesk', { id: e.id }))}>
          礼品兑换台
        </BigButton>
      )}
      {e.checkpointCount > 0 && (
        <BigButton id={`desk-station-${e.id}`} variant='secondary' onClick={() => go(routeUrl('eventsStation', { id: e.id }))}>
          签到点
        </BigButton>
      )}
      {e.kind !== 'fair' && e.checkpointCount === 0 && <Text className='muted'>此活动没有兑换台或签到点，无需操作。</Text>}
    </View>
  )
}

function Desk({ role, places }: { role: StaffRole; places: EventPlaces | null }) {
  const { scope } = role
  if (scope.kind === 'event') return <EventDesks scope={scope} places={places} />
  const desk = STAFF_DESKS[scope.kind]
  const url = desk.url(scope.id)
  if (!url)
    return (
      <Text id={`desk-soon-${scope.id}`} className='staff-role__soon'>
        {desk.label}：即将开放
      </Text>
    )
  return (
    <View>
      <BigButton id={`desk-${scope.kind}-${scope.id}`} onClick={() => go(url)}>
        {desk.label}
      </BigButton>
      {scope.kind === 'merchant' && isMerchantManager(scope.id) && (
        <BigButton
          id={`desk-statement-${scope.id}`}
          variant='secondary'
          onClick={() => go(routeUrl('vouchersStatement', { merchant: merchantOf(scope.id) }))}
        >
          对账单
        </BigButton>
      )}
    </View>
  )
}

/** A shop's 店长 who is also its 核销员 gets one card: the manager's, with the till and the statement (not two tills). */
function oneCardPerShop(staff: StaffRole[]): StaffRole[] {
  const managed = new Set(
    staff.filter((r) => r.scope.kind === 'merchant' && isMerchantManager(r.scope.id)).map((r) => merchantOf(r.scope.id)),
  )
  return staff.filter((r) => !(r.scope.kind === 'merchant' && !isMerchantManager(r.scope.id) && managed.has(r.scope.id)))
}

/** Each staff role with the way to its desk; a role whose desk is not built yet says so plainly. */
export function RoleDesks({ roles, places }: { roles: RoleDTO[]; places: EventPlaces | null }) {
  const staff = oneCardPerShop(roles.filter((r): r is StaffRole => r.role === 'staff'))
  if (staff.length === 0) {
    return (
      <Text id='staff-none' className='muted'>
        您还没有工作人员身份。请向工会干部索取邀请码，在下方输入或扫码。
      </Text>
    )
  }
  return (
    <View id='staff-roles'>
      {staff.map((r) => {
        const v = describeRole(r)
        // A mixer's staff check single members in and hand out badge numbers; there is no gift desk.
        const duty = places?.mixerIds.includes(r.scope.id) ? '为到场的单身职工扫码签到、发放号码牌' : v.duty
        return (
          <View key={`${r.scope.kind}-${r.scope.id}`} className='staff-role'>
            <Text className='staff-role__title'>
              {v.title} · {v.scopeName}
            </Text>
            <Text className='muted'>{duty}</Text>
            <Desk role={r} places={places} />
          </View>
        )
      })}
    </View>
  )
}
