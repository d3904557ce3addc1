import { Text, View } from '@tarojs/components'
import { AppCode } from '~src/components/app-code'
import { RotatingCode } from '~src/components/rotating-code'
import { call } from '~src/services/api'

/** The rotating checkpoint code a screen shows so members can check themselves in. */
export function CheckpointScreen({ eventId, checkpointId }: { eventId: string; checkpointId: string }) {
  return (
    <RotatingCode
      id='checkpoint-qr'
      fetchCode={() => call('events', 'checkpointCode', { eventId, checkpointId }, { silent: true })}
      deps={[eventId, checkpointId]}
      hint='请会员打开「我的签到码」页面，扫此码自助签到'
    />
  )
}

/**
 * A checkpoint without a screen: a mini-program code to print and post. WeChat's own scanner opens the
 * check-in page, which checks her in; it works until the checkpoint closes (docs/api-events.md).
 */
export function CheckpointPoster({ eventId, checkpointId }: { eventId: string; checkpointId: string }) {
  return (
    <View className='checkpoint-poster'>
      <AppCode
        id='checkpoint-poster'
        load={async () => (await call('events', 'checkpointPoster', { eventId, checkpointId }, { silent: true })).image}
        deps={[eventId, checkpointId]}
      />
      <Text className='muted'>打印张贴：会员用微信扫一扫即可签到，签到点关闭后失效</Text>
    </View>
  )
}
