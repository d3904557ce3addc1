/**
 * Members' own text goes through WeChat's content check (内容安全 `security.msgSecCheck` v2) before
 * anything stores or shows it. The check runs during HER own call: WeChat answers only for a user who
 * opened the app in the last two hours, and a member saving her profile or filing a report just did.
 * risky → refused, naming the field, nothing stored; review → the caller stores it held; pass → as
 * before. WeChat unreachable → refused too: unchecked text is never stored.
 */
import { fail } from '../common/errors'
import type { TextScene, WechatPort } from '../common/wechat'

export interface OwnText<F extends string> {
  field: F
  /** How she knows the field: 自我介绍, 昵称, 举报说明. */
  label: string
  text: string
}

/** What the check let through: the fields WeChat wants a person to review (empty: none) and its label. */
export interface TextOutcome<F extends string> {
  review: F[]
  label: number
}

export function createTextCheck(wechat: WechatPort) {
  return async function check<F extends string>(openid: string, scene: TextScene, texts: OwnText<F>[]): Promise<TextOutcome<F>> {
    // Blank text says nothing: no call (each costs one of WeChat's 4,000 a minute).
    const asked = texts.filter((t) => t.text.trim() !== '')
    const answers = await Promise.all(asked.map((t) => wechat.checkText({ openid, scene, content: t.text })))
    const out: TextOutcome<F> = { review: [], label: 100 }
    answers.forEach((a, i) => {
      const t = asked[i]
      if (!a.ok) fail('WECHAT_UNAVAILABLE', t.field, `暂时无法检查${t.label}的内容，请稍后再提交`)
      if (a.suggest === 'risky') fail('CONTENT_RISKY', t.field, `${t.label}含有不适宜发布的内容，请修改后再提交`)
      if (a.suggest === 'review') out.review.push(t.field)
      if (a.suggest === 'review' && out.label === 100) out.label = a.label
    })
    return out
  }
}

export type TextCheck = ReturnType<typeof createTextCheck>
