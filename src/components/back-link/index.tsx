import Taro from '@tarojs/taro'
import { BigButton } from '../big-button'

const HOME = '/pages/index/index'

/** Back to where the member came from, or to the service hall when the page was opened directly (shared link, reload). */
export function goBackOrHome(): void {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack()
  else Taro.reLaunch({ url: HOME })
}

export function BackLink({ label = '返回' }: { label?: string }) {
  return (
    <BigButton variant='secondary' className='back-link' onClick={goBackOrHome}>
      {label}
    </BigButton>
  )
}

export function HomeLink() {
  return (
    <BigButton variant='secondary' className='home-link' onClick={() => Taro.reLaunch({ url: HOME })}>
      返回服务大厅
    </BigButton>
  )
}
