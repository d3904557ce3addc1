/**
 * The one opt-in of 会聚良缘: a WeChat one-time subscription message when the
 * results are out. Asked for when she submits her picks (the moment it is
 * useful). In the H5 demo there is no WeChat: the opt-in is simulated and the
 * notice shows on the results page. Never throws: a failed opt-in must not
 * block anything.
 */
import Taro from '@tarojs/taro'
import { call } from '../../../services/api'

function template(): string {
  try {
    return process.env.TARO_APP_MATCHMAKING_TMPL_MATCH || ''
  } catch {
    return '' // the build replaces only variables set in .env
  }
}

export async function askMatchNotice(): Promise<string> {
  let accepted = process.env.TARO_ENV !== 'weapp'
  if (!accepted) {
    const id = template()
    if (!id) return '消息模板尚未配置，结果请在“匹配结果”页查看'
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds: [id], entityIds: [] } as never)) as unknown as Record<string, string>
      accepted = res[id] === 'accept'
    } catch {
      return '未能打开订阅，结果请在“匹配结果”页查看'
    }
  }
  if (!accepted) return '您未允许通知，结果请在“匹配结果”页查看'
  await call('matchmaking', 'subscribe', { topics: ['match'] }, { silent: true }).catch(() => undefined)
  return '已订阅：结果公布时通知您（通知不含任何人的信息）'
}
