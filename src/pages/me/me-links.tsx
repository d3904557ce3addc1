import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MeDTO } from '~types/member'
import { routeUrl } from '~types/routes'

interface Link {
  id: string
  text: string
  /** null: the service is not open yet, said plainly instead of a link. */
  url: string | null
  /** The action word beside the link; 进入 unless it shows something. */
  go?: string
}

function LinkRows({ links }: { links: Link[] }) {
  return (
    <View>
      {links.map((l) => (
        <View
          key={l.id}
          id={l.id}
          className='me-link'
          hoverClass={l.url ? 'notice--pressed' : 'none'}
          onClick={() => l.url && Taro.navigateTo({ url: l.url })}
        >
          <Text>{l.text}</Text>
          {l.url ? <Text className='me-link__go'>{l.go ?? '进入'} ›</Text> : <Text className='me-link__soon'>即将开放</Text>}
        </View>
      ))}
    </View>
  )
}

/** Where her codes are: each service keeps its own, shown live on its page. */
export function MyCodes() {
  return (
    <View className='card' id='me-codes'>
      <Text className='card__title'>我的二维码</Text>
      <Text className='muted'>出示给工作人员扫码：</Text>
      <LinkRows
        links={[
          { id: 'me-code-screening', go: '查看', text: '两癌筛查签到码（在我的预约中）', url: routeUrl('screeningList') },
          { id: 'me-code-events', go: '查看', text: '活动签到码、礼品兑换码', url: routeUrl('eventsMine') },
          { id: 'me-code-vouchers', go: '查看', text: '工会消费券券码（在我的券中）', url: routeUrl('vouchersMine') },
        ]}
      />
    </View>
  )
}

/** Staff reach their desks here; anyone given an invite code enters it here. */
export function StaffLinks({ me }: { me: MeDTO }) {
  const isStaff = me.roles.some((r) => r.role === 'staff')
  const isOfficer = me.roles.some((r) => r.role === 'officer')
  const links: Link[] = [
    isStaff
      ? { id: 'me-staff', text: '工作人员入口：进入我的工作台', url: routeUrl('staff') }
      : { id: 'me-invite', text: '输入邀请码（工作人员）', url: routeUrl('staff') },
  ]
  if (isOfficer) links.push({ id: 'me-officer', text: '工会干部入口', url: routeUrl('officer') })
  if (isOfficer || isStaff) links.push({ id: 'me-consoles', text: '已登录的电脑（控制台）', url: routeUrl('consoleLogin'), go: '查看' })
  return (
    <View className='card' id='me-work'>
      <Text className='card__title'>工作人员与干部</Text>
      <LinkRows links={links} />
    </View>
  )
}
