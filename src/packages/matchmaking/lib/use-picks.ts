/**
 * The pick page's state: her draft choice on the phone, the submission the server
 * acknowledged (pick-draft.ts), the K-limit note and the submission itself (K
 * padded tokens, lib/pick-crypto.ts), with the results opt-in at the first one.
 */
import { useState } from 'react'
import type { DirectoryDTO } from '~types/matchmaking'
import { ERROR_MESSAGES } from '~types/errors'
import { Refusal, useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { requestNotices } from '~src/services/subscribe'
import { choiceRefusal } from './choice.rules'
import { makeSubmission, storeChoice, storedChoice, storedKeys } from './phone-keys'
import { pickStatus, toggled, type Sent } from './pick-draft'

/** What the server says she submitted, with the badges this phone stored when that submission was acknowledged. */
function sentOf(dir: DirectoryDTO): Sent | null {
  if (dir.submittedAt === null) return null
  const badges = storedChoice(dir.mixerId)
  return { at: dir.submittedAt, badges: badges.length > 0 ? badges : null }
}

export function usePicks(dir: DirectoryDTO) {
  const [sent, setSent] = useState<Sent | null>(() => sentOf(dir))
  const [chosen, setChosen] = useState<number[]>(() => sent?.badges ?? [])
  const [limit, setLimit] = useState<{ badge: number; text: string } | null>(null)
  const [noticeText, setNoticeText] = useState('')
  const toggle = (badge: number) => {
    const t = toggled(chosen, badge, dir.k)
    setChosen(t.chosen)
    setLimit(t.limit ? { badge, text: t.limit } : null)
  }
  const submit = useAction(async () => {
    const keys = storedKeys(dir.mixerId)
    if (!keys || keys.publicKey !== dir.me.publicKey) throw new Refusal(ERROR_MESSAGES.KEY_LOCKED)
    const refusal = choiceRefusal(dir, chosen)
    if (refusal) throw new Refusal(ERROR_MESSAGES[refusal])
    const picked = chosen.map((b) => dir.others.find((e) => e.badge === b)!.publicKey)
    const tokens = await makeSubmission(dir.mixerId, keys, picked, dir.k)
    if (!tokens) throw new Refusal('所选的人中有无法选择的号码，请去掉后重试')
    const r = await call('matchmaking', 'submitPicks', { mixerId: dir.mixerId, tokens }, { loadingText: '正在提交' })
    storeChoice(dir.mixerId, chosen)
    setSent({ at: r.submittedAt, badges: chosen })
    setLimit(null)
    if (!noticeText) setNoticeText((await requestNotices('matchmaking', ['match'], '“匹配结果”页')).message)
  })
  return { chosen, toggle, limit, status: pickStatus(chosen, sent), noticeText, submit }
}
