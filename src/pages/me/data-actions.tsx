import { Text, View } from '@tarojs/components'
import type { MeDTO } from '~types/member'
import { BigButton } from '~src/components/big-button'
import { useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { rememberMe } from '~src/services/me-store'
import { deletionOpen } from './deletion-state'
import { MyDataPanel } from './my-data-panel'
import { notify } from '~src/services/notify'

const ASK_DELETION =
  '申请将交由工会处理。处理前您仍是会员，可照常使用各项服务；处理时将解除会员绑定并删除可删除的个人信息，结果会在「我的」页面显示。确定申请吗？'
const ASK_UNBIND = '解除后本微信将不再关联您的会员信息，可随时重新认证。确定解除吗？'

/** The member's rights over their data: see it all, ask for deletion, undo the binding. */
export function DataActions({ me, onChange }: { me: MeDTO; onChange: (me: MeDTO) => void }) {
  const changed = (next: MeDTO) => {
    rememberMe(next)
    onChange(next)
  }
  const requestDeletion = useAction(
    async () => {
      await call('member', 'requestDeletion', {})
      changed(await call('member', 'me', {}))
      notify('已提交申请')
    },
    { ask: () => confirmDialog({ title: '申请删除个人信息', content: ASK_DELETION, danger: true }) },
  )
  const unbind = useAction(
    async () => {
      changed(await call('member', 'unbind', {}))
      notify('已解除绑定')
    },
    { ask: () => confirmDialog({ title: '解除绑定', content: ASK_UNBIND, danger: true }) },
  )
  const error = requestDeletion.error || unbind.error
  return (
    <View className='card'>
      <Text className='card__title'>我的数据</Text>
      <MyDataPanel />
      {!deletionOpen(me) && (
        <BigButton id='me-delete' variant='danger' loading={requestDeletion.busy} onClick={() => void requestDeletion.run()}>
          申请删除个人信息
        </BigButton>
      )}
      {me.verified && (
        <BigButton id='me-unbind' variant='danger' loading={unbind.busy} onClick={() => void unbind.run()}>
          解除会员绑定
        </BigButton>
      )}
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  )
}
