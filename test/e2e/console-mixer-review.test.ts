/**
 * The console's review queue and bookings table (issue 18) at desk size (1366×768), signed in by scanning
 * (a second context is the officer's phone). 26 sign-ups are written straight to the database (the member
 * path is not what is tested); 20 picked in the table are approved with ONE confirmation naming 20 and ONE
 * call, and the balance per gender reads exactly what the rules give; a rejection hands the place to the
 * first in line. The bookings table pages and filters on the function. Desktop floors on each screen.
 */
import type { Page } from 'playwright-core'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { getDb } from '../../cloudfunctions/common/db'
import type { SessionDoc, SiteDoc } from '../../cloudfunctions/screening/screening.docs'
import { siteLabel } from '~types/screening'
import { mixerRequest } from '../integration/matchmaking-fixtures'
import { consoleFloorFailures } from './support/console-floors'
import { browserAvailability } from './support/browser'
import { signedInDesk } from './support/console-desk'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

jest.setTimeout(120_000)

/** Polls until `ok` (a table re-rendering after the function answers). */
async function until(ok: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

suite(`the console's review queue and bookings table in Chromium${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []
  let desk: Page

  const open = async (label: string) => {
    await desk.locator('.t-menu__item', { hasText: label }).click()
    await desk.locator('.page-title', { hasText: label }).waitFor({ timeout: 15_000 })
  }
  const asOfficer = async (fn: string, action: string, data: object) => {
    const res = await fetch(`${ui.url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-openid': 'demo-officer' },
      body: JSON.stringify({ action, data, requestId: `e2e-review-${action}-${Date.now()}` }),
    })
    const out = (await res.json()) as { ok: boolean; data: { id: string } }
    expect(out.ok).toBe(true)
    return out.data
  }

  beforeAll(async () => {
    desk = await signedInDesk(ui.browser, ui.url, 'demo-officer', pageErrors)
  })

  /**
   * 12 places a gender; 13 women and 13 men, alternating: the first 12 of each hold a place under review, the
   * 13th waits first in line. Written as signUp leaves them: the place documents list each holder.
   */
  async function seedSignups(mixerId: string, at: number): Promise<void> {
    const db = getDb()
    const docs = Array.from({ length: 26 }, (_x, i) => {
      const gender = i % 2 === 0 ? 'F' : 'M'
      const k = Math.floor(i / 2)
      const waiting = k === 12
      return {
        _id: `${mixerId}:e2e-${i}`,
        mixerId,
        openid: `e2e-${i}`,
        claimId: `claim-${i}`,
        pendingAt: at + i * 1000,
        requestId: null,
        state: waiting ? 'waiting' : 'review',
        ref: `e2eref${String(i).padStart(4, '0')}`,
        gender,
        profile: { nickname: `单身${i}`, birthYear: 1995, gender, sector: '企业', intro: '喜欢看书' },
        maskedName: '周*',
        signedUpAt: at + i * 1000,
        seq: waiting ? 1 : null,
        offerExpiresAt: null,
        rejectReason: null,
        sectorHold: null,
        checkedInAt: null,
        badge: null,
        publicKey: null,
        lastRequestId: null,
        updatedAt: at,
      }
    })
    await db.collection(COLLECTIONS.mixerSignups).add(docs)
    for (const g of ['F', 'M']) {
      const holding = docs.filter((d) => d.gender === g && d.state === 'review')
      await db
        .collection(COLLECTIONS.mixerPlaces)
        .doc(`${mixerId}:${g}`)
        .update({
          left: 12 - holding.length,
          waitSeq: 1,
          holders: Object.fromEntries(holding.map((d) => [d.claimId, { ref: d.ref, n: 1 }])),
        })
    }
  }

  const balance = async (gender: string) =>
    (await desk.locator('#review-summary tbody tr', { hasText: gender }).locator('td').allTextContents()).map((t) => t.trim())

  test('会聚良缘: 20 sign-ups picked in the table are approved with one confirmation; places and the waiting list stay exact', async () => {
    const now = Date.now()
    const req = mixerRequest(now, { title: '控制台批量审核场', placesByGender: { M: 12, F: 12 }, review: 'officer' })
    const { id } = await asOfficer('matchmaking', 'saveMixer', { ...req, organiser: undefined })
    await seedSignups(id, now)
    await open('会聚良缘')
    await desk.locator(`#mixer-open-${id}`).click()
    await desk.locator('.mixer-card .t-table tbody tr', { hasText: '待审核' }).nth(19).waitFor({ timeout: 15_000 })
    // the rules: a place is taken at sign-up, so 12 of 12 are held and one of each waits
    expect(await balance('女')).toEqual(['女', '12', '0', '12', '0', '0', '1'])
    expect(await consoleFloorFailures(desk)).toEqual([])
    await desk.locator('.mixer-card thead .t-checkbox').click() // the page's 20 (of 24 awaiting review)
    await desk.getByText('已选 20 人').waitFor()
    const calls: string[] = []
    desk.on('request', (r) => {
      const action = /"action":"(\w+)"/.exec(r.postData() ?? '')?.[1]
      if (action === 'decide' || action === 'decideMany') calls.push(action)
    })
    await desk.locator('#review-approve').click()
    const dialog = desk.locator('.t-dialog', { hasText: '通过报名' })
    await dialog.getByText('将通过所选 20 人的报名').waitFor()
    await dialog.getByRole('button', { name: '通过 20 人' }).click()
    await desk.locator('#review-run').getByText('已通过 20 人').waitFor({ timeout: 20_000 })
    expect(calls).toEqual(['decideMany']) // one call for the twenty
    // approving moves no place: each gender 10 approved, 2 still under review, no place free, the same one waiting
    expect(await balance('女')).toEqual(['女', '12', '0', '2', '10', '0', '1'])
    expect(await balance('男')).toEqual(['男', '12', '0', '2', '10', '0', '1'])
    await desk.locator('.mixer-card .t-table tbody tr', { hasText: '待审核' }).nth(3).waitFor({ timeout: 15_000 })
    expect(await desk.locator('.mixer-card .t-table tbody tr', { hasText: '待审核' }).count()).toBe(4)
    expect(await consoleFloorFailures(desk)).toEqual([])
    // a rejection (reason picked) hands her place to the first woman in line as a timed offer
    await desk.locator('.mixer-card .t-table tbody tr', { hasText: '单身20' }).locator('.t-checkbox').click()
    await desk.locator('#review-reject').click()
    const reject = desk.locator('.t-dialog', { hasText: '不通过报名' })
    await reject.locator('input[placeholder="选择常用原因"]').click()
    await desk.locator('.t-select-option', { hasText: '年龄不符合本场要求' }).click()
    await reject.getByRole('button', { name: '不通过 1 人' }).click()
    await desk.locator('#review-run').getByText('已不通过 1 人').waitFor({ timeout: 20_000 })
    expect(await balance('女')).toEqual(['女', '12', '0', '1', '10', '1', '0'])
    expect(await balance('男')).toEqual(['男', '12', '0', '2', '10', '0', '1'])
    const placeF = (await getDb().collection(COLLECTIONS.mixerPlaces).doc(`${id}:F`).get()).data[0] as { left: number; holders: object }
    expect([placeF.left, Object.keys(placeF.holders).length]).toEqual([0, 12])
    if (process.env.CONSOLE_SHOTS) await desk.screenshot({ path: `${process.env.CONSOLE_SHOTS}/console-review.png`, fullPage: true })
  })

  test('两癌筛查: the bookings table pages and filters by session and status on the function, masked', async () => {
    const db = getDb()
    const programmes = (await db.collection(COLLECTIONS.screeningProgrammes).limit(100).get()).data as { _id: string; name: string }[]
    const p = programmes[0]
    const sessions = (
      (await db.collection(COLLECTIONS.screeningSessions).where({ programmeId: p._id }).limit(100).get()).data as SessionDoc[]
    )
      .filter((s) => s.programmeId === p._id)
      .slice(0, 3)
    const status = (i: number) => (i < 3 ? 'checked_in' : i < 5 ? 'cancelled' : 'booked')
    await db.collection(COLLECTIONS.screeningBookings).add(
      Array.from({ length: 25 }, (_x, i) => {
        const s = sessions[i % sessions.length]
        return {
          _id: `${p._id}:e2e-w${i}`,
          programmeId: p._id,
          openid: `e2e-w${i}`,
          ref: `e2ebk${i}`,
          status: status(i),
          claimId: `c${i}`,
          placeId: `p${i}`,
          sessionId: s._id,
          siteId: s.siteId,
          quotaId: null,
          member: {
            name: `测试女工${i}`,
            cardNo: `GH32019${String(i).padStart(5, '0')}`,
            phone: `1391234${String(i).padStart(4, '0')}`,
            branch: '鼓楼区总工会',
          },
          pendingAt: Date.now() - i * 60_000,
          bookedAt: Date.now() - i * 60_000,
          consent: { version: 'v1', at: Date.now() },
          notice: 'none',
          reminderSentAt: null,
          checkedInAt: null,
          cancelledAt: null,
          noShowAt: null,
          resultReady: false,
          rescheduling: null,
          updatedAt: Date.now(),
        }
      }),
    )
    await open('两癌筛查')
    await desk.locator('.t-table tbody tr', { hasText: p.name }).getByRole('button', { name: '查看统计' }).click()
    await desk.locator('#screening-figures', { hasText: '已预约' }).waitFor({ timeout: 15_000 })
    await desk.locator('#bookings-load').click()
    const card = desk.locator('.t-card', { hasText: '预约名单' })
    await card.locator('#bookings-total', { hasText: '共 23 条' }).waitFor({ timeout: 15_000 })
    expect(await card.locator('tbody tr').count()).toBe(20)
    expect(await card.textContent()).not.toMatch(/测试女工\d|1391234\d{4}/)
    expect(await consoleFloorFailures(desk)).toEqual([])
    await card.locator('.t-pagination__number', { hasText: /^2$/ }).click()
    await until(async () => (await card.locator('tbody tr').count()) === 3)
    expect(await card.locator('tbody tr', { hasText: '鼓楼区总工会' }).count()).toBe(3)
    // by status: back to the first page, the three checked in
    await card.locator('input[placeholder="全部状态"]').click()
    await desk.locator('.t-select-option', { hasText: '已签到' }).click()
    await card.locator('#bookings-total', { hasText: '共 3 条' }).waitFor({ timeout: 15_000 })
    // and one session: the live bookings in it that are checked in (the filters combine)
    const s = sessions[0]
    const inSession = Array.from({ length: 25 }, (_x, i) => i).filter((i) => i % sessions.length === 0 && status(i) === 'checked_in').length
    await card.locator('input[placeholder="全部场次"]').click()
    const site = (await db.collection(COLLECTIONS.screeningSites).doc(s.siteId).get()).data[0] as SiteDoc
    await desk.locator('.t-select-option', { hasText: `${siteLabel(site)} ${s.date} ${s.start}–${s.end}` }).click()
    await card.locator('#bookings-total', { hasText: `共 ${inSession} 条` }).waitFor({ timeout: 15_000 })
    expect(await consoleFloorFailures(desk)).toEqual([])
  })

  test('no script errors', () => {
    expect(pageErrors).toEqual([])
  })
})
