/**
 * The releases `npm run plan` measures (issue 17 §7). Seeding reuses the integration fixtures, so a
 * scenario starts from exactly what the tests start from. `PLAN_SCALE` multiplies every population
 * (default: screening, vouchers and the mixer at full size; 大连 and the fair scaled, said in their line).
 */
import { join } from 'node:path'
import type { Envelope } from '~types/envelope'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { readAll } from '../../cloudfunctions/common/paginate'
import { programmeDocs, saveProgramme } from '../../cloudfunctions/screening/programme.service'
import type { FunctionMain } from '../host/functions'
import { freshModule } from '../host/instances'
import { firstRound } from '../seed/screening.seed'
import { seedFair, seedMember } from '../../test/integration/events-fixtures'
import { seedMembers } from '../../test/integration/screening.fixtures'
import { campaignInput, setUpOfficer } from '../../test/integration/vouchers-fixtures'
import type { Answer, Scenario } from './plan-harness'
import { mixer } from './plan-mixer'

const ROOT = join(__dirname, '../../cloudfunctions')
const SCALE = Number(process.env.PLAN_SCALE || 1)
const HOUR = 3_600_000
const n = (full: number, scale = 1) => Math.max(1, Math.round(full * scale * SCALE))

/** A fresh instance of a function's factory on a fixed clock (the release instant, or `laterMs` after it for the sweep). */
function loader(file: string, factory: string, at: number): (laterMs?: number) => FunctionMain {
  return (laterMs = 0) => freshModule<Record<string, (d: object) => FunctionMain>>(ROOT, file)[factory]({ clock: () => at + laterMs })
}

type Seeder = (fn: string, openid: string, action: string, data: unknown) => Promise<Envelope<unknown>>
const okData = <T>(e: Envelope<unknown>): T => {
  if (!e.ok) throw new Error(`seed call refused: ${e.code} ${e.message}`)
  return e.data as T
}
const count = (answers: Answer[], code: string) => answers.filter((a) => (a.ok ? 'OK' : a.code) === code).length

/** 2,000 women for the 152 places of the first round (25 sessions), all at the release instant. */
function screening(): Scenario<{ women: string[]; sessions: string[] }> {
  const T0 = Date.UTC(2027, 2, 8, 2, 0)
  const women = Array.from({ length: n(2000) }, (_x, i) => `w-${i}`)
  const load = loader('screening/index.ts', 'createScreeningFunction', T0)
  const prog = { ...firstRound(T0), branchQuotas: [], releaseAt: T0 - HOUR, priority: null }
  return {
    name: 'screening',
    describe: `${women.length} women, ${prog.totalQuota} places over ${prog.sites.reduce((k, s) => k + s.sessions.length, 0)} sessions`,
    scale: SCALE,
    load: (_fn, laterMs) => load(laterMs),
    async seed(db) {
      await seedMembers(
        db,
        women.map((openid) => ({ openid, branch: '快递行业工会' })),
      )
      await saveProgramme(db, programmeDocs(prog, T0, 'plan'))
      const rows = (await db.collection(COLLECTIONS.screeningSessions).where({ programmeId: prog.id }).limit(1000).get()).data
      return { women, sessions: (rows as { _id: string }[]).map((s) => s._id) }
    },
    phases: ({ women: w, sessions }) => [
      w.map((openid, i) => [
        {
          fn: 'screening',
          openid,
          action: 'book',
          data: { programmeId: prog.id, sessionId: sessions[i % sessions.length], consentVersion: prog.privacyNotice.version },
        },
      ]),
    ],
    async books(db, { women: w }, answers) {
      const booked = (
        await readAll<{ openid: string; status: string }>(db.collection(COLLECTIONS.screeningBookings).where({ programmeId: prog.id }))
      ).filter((b) => b.status === 'booked')
      const held = new Set(booked.map((b) => b.openid))
      // Lost: told booked without a booking, or a place gone without one. (Booked while her phone gave up
      // waiting is not lost: her booking shows on her page; it is counted in `busy`.)
      const toldOk = w.filter((_x, i) => answers[i].ok)
      const sessions = (await db.collection(COLLECTIONS.screeningSessions).where({ programmeId: prog.id }).limit(1000).get()).data as {
        left: number
        capacity: number
      }[]
      const taken = sessions.reduce((k, s) => k + s.capacity - s.left, 0)
      const over = sessions.reduce((k, s) => k + Math.max(0, -s.left), 0)
      return {
        lost: toldOk.filter((o) => !held.has(o)).length + Math.max(0, taken - booked.length),
        doubled: booked.length - held.size + over,
      }
    },
  }
}

interface Campaign {
  members: string[]
  campaignId: string
}

/** A first-come voucher release: `members` tap `perMember` times one after another. */
function voucherRelease(
  name: string,
  describe: (m: number) => string,
  members: number,
  perMember: number,
  vouchers: number,
  scale: number,
): Scenario<Campaign> {
  const T0 = Date.UTC(2027, 2, 8, 2, 0)
  const load = loader('vouchers/index.ts', 'createVouchersFunction', T0)
  const ids = Array.from({ length: members }, (_x, i) => `${name}-${i}`)
  return {
    name,
    describe: describe(members),
    scale,
    load: (_fn, laterMs) => load(laterMs),
    async seed(db, call: Seeder) {
      await setUpOfficer(db)
      await seedMembers(
        db,
        ids.map((openid) => ({ openid })),
      )
      const shop = okData<{ id: string }>(
        await call('vouchers', 'officer', 'saveMerchant', { name: '南京新百', address: '南京市秦淮区', category: '商场' }),
      ).id
      const input = campaignInput([shop], {
        perMember,
        totalVouchers: vouchers,
        budgetFen: vouchers * 4000,
        rule: { kind: 'threshold', thresholdFen: 5000, amountFen: 4000 },
      })
      return { members: ids, campaignId: okData<{ id: string }>(await call('vouchers', 'officer', 'createCampaign', input)).id }
    },
    phases: ({ members: m, campaignId }) => [
      m.map((openid) => Array.from({ length: perMember }, () => ({ fn: 'vouchers', openid, action: 'claim', data: { campaignId } }))),
    ],
    async books(db, { members: m, campaignId }, answers) {
      const all = await readAll<{ openid: string; status: string }>(db.collection(COLLECTIONS.vouchers).where({ campaignId }))
      const held = new Map<string, number>()
      for (const v of all) if (v.status !== 'pending') held.set(v.openid, (held.get(v.openid) ?? 0) + 1)
      const stranded = all.filter((v) => v.status === 'pending').length
      let lost = stranded
      let doubled = 0
      m.forEach((openid, i) => {
        const ok = answers.slice(i * perMember, (i + 1) * perMember).filter((a) => a.ok).length
        const h = held.get(openid) ?? 0
        lost += Math.max(0, ok - h) // told she has more than she holds
        doubled += Math.max(0, h - perMember)
      })
      const taken = [...held.values()].reduce((a, b) => a + b, 0)
      return { lost, doubled: doubled + Math.max(0, taken - vouchers) }
    },
  }
}

/** 10,000 visitors stamping at 50 booths (each at 5 booths, one after another). */
function fair(): Scenario<{ visitors: string[]; codes: string[] }> {
  const T0 = Date.UTC(2027, 0, 1, 2, 0)
  const load = loader('events/index.ts', 'createEventsFunction', T0)
  const scale = 0.05
  const visitors = Array.from({ length: n(10_000, scale) }, (_x, i) => `v-${i}`)
  const PER = 5
  return {
    name: 'fair',
    describe: `${visitors.length} visitors × ${PER} stamps at 50 booths (scale ${scale * SCALE} of 10,000 visitors)`,
    scale: scale * SCALE,
    load: (_fn, laterMs) => load(laterMs),
    async seed(db, call: Seeder) {
      await seedFair(db, { id: 'pf', booths: 25, stock: 100_000 })
      await seedMember(db, 'officer', '孙丽', [{ role: 'officer' }])
      await seedMembers(
        db,
        visitors.map((openid) => ({ openid })),
      )
      const codes = okData<{ codes: { code: string }[] }>(await call('events', 'officer', 'boothCodes', { eventId: 'pf' })).codes.map(
        (c) => c.code,
      )
      return { visitors, codes }
    },
    phases: ({ visitors: v, codes }) => [
      v.map((openid, i) =>
        Array.from({ length: PER }, (_x, k) => ({
          fn: 'events',
          openid,
          action: 'stamp',
          data: { code: codes[(i * 7 + k * 11) % codes.length], eventId: 'pf' },
        })),
      ),
    ],
    async books(db, _ctx, answers) {
      const stamps = await readAll<{ openid: string; boothId: string }>(db.collection(COLLECTIONS.eventStamps).where({ eventId: 'pf' }))
      const unique = new Set(stamps.map((s) => `${s.openid}:${s.boothId}`)).size
      // Lost: more stamps told than stored. (A stamp stored while her phone gave up waiting is on her card: `busy`.)
      return { lost: Math.max(0, count(answers, 'OK') - unique), doubled: stamps.length - unique }
    },
  }
}

export function scenarios(): Scenario<never>[] {
  const dalianScale = 0.05
  const dalianMembers = n(12_500, dalianScale)
  return [
    screening(),
    voucherRelease('vouchers', (m) => `${m} members, ${n(500)} vouchers`, n(3000), 1, n(500), SCALE),
    voucherRelease(
      'dalian',
      (m) =>
        `${m} members × 4 vouchers, ¥${((m * 4 * 40) / 1).toLocaleString('en')} (scale ${dalianScale * SCALE} of 12,500 members, ¥2,000,000)`,
      dalianMembers,
      4,
      dalianMembers * 4,
      dalianScale * SCALE,
    ),
    fair(),
    mixer(n(234), SCALE),
  ] as Scenario<never>[]
}
