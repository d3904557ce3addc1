/**
 * Events' part of the member's own data: her sign-ups, stamps, redemptions and check-ins by named
 * fields, and the deletion of them all (gift stock lives in counters, not in her records). Built once
 * per instance on the database the member function hands in.
 */
import { systemClock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { perInstance } from '../common/instance-cache'
import type { DataProvider, ErasureReport } from '../common/my-data'
import { fieldsByIds } from '../common/my-data.repository'
import type { MyServicesExport } from '~types/member'
import { type ActivityRepository, createActivityRepository } from './activity.repository'

const WHAT: Record<string, string> = {
  [COLLECTIONS.eventSignups]: '活动报名',
  [COLLECTIONS.eventStamps]: '集章记录',
  [COLLECTIONS.eventStampCards]: '集章卡（冷却时间与领取记录）',
  [COLLECTIONS.eventRedemptions]: '礼品兑换记录',
  [COLLECTIONS.eventCheckins]: '签到记录',
}

const str = (d: Record<string, unknown> | undefined, k: string): string => (typeof d?.[k] === 'string' ? (d[k] as string) : '')
const byTime =
  <T>(key: (t: T) => number) =>
  (a: T, b: T) =>
    key(a) - key(b)

function createEventsData({ db, activity }: { db: Db; activity: ActivityRepository }) {
  /** The names her records refer to (events, booths, tiers, checkpoints), by id. */
  async function namesFor(hers: Awaited<ReturnType<ActivityRepository['hers']>>) {
    const { signUps, stamps, redemptions, checkIns } = hers
    const [events, booths, tiers, checkpoints] = await Promise.all([
      fieldsByIds(
        db,
        COLLECTIONS.events,
        [...signUps, ...stamps, ...redemptions, ...checkIns].map((x) => x.eventId),
        ['title'],
      ),
      fieldsByIds(
        db,
        COLLECTIONS.eventBooths,
        stamps.map((s) => s.boothId),
        ['name'],
      ),
      fieldsByIds(
        db,
        COLLECTIONS.eventTiers,
        redemptions.map((r) => r.tierId),
        ['name', 'gift'],
      ),
      fieldsByIds(
        db,
        COLLECTIONS.eventCheckpoints,
        checkIns.map((c) => c.checkpointId),
        ['name'],
      ),
    ])
    return { title: (id: string) => str(events.get(id), 'title'), booths, tiers, checkpoints }
  }

  return {
    async exportFor(openid: string): Promise<MyServicesExport['events']> {
      const hers = await activity.hers(openid)
      const { title, booths, tiers, checkpoints } = await namesFor(hers)
      const { signUps, stamps, redemptions, checkIns } = hers
      return {
        signUps: signUps
          .sort(byTime((s) => s.pendingAt))
          .map((s) => ({ eventTitle: title(s.eventId), state: s.state, signedUpAt: s.signedUpAt })),
        stamps: stamps
          .sort(byTime((s) => s.stampedAt))
          .map((s) => ({ eventTitle: title(s.eventId), boothName: str(booths.get(s.boothId), 'name'), stampedAt: s.stampedAt })),
        redemptions: redemptions.sort(byTime((r) => r.pendingAt)).map((r) => ({
          eventTitle: title(r.eventId),
          tierName: str(tiers.get(r.tierId), 'name'),
          gift: str(tiers.get(r.tierId), 'gift'),
          state: r.state,
          redeemedAt: r.redeemedAt,
          desk: r.desk,
        })),
        checkIns: checkIns.sort(byTime((c) => c.checkedInAt)).map((c) => ({
          eventTitle: title(c.eventId),
          checkpointName: str(checkpoints.get(c.checkpointId), 'name'),
          checkedInAt: c.checkedInAt,
        })),
      }
    },

    async eraseFor(openid: string): Promise<ErasureReport> {
      const counts = await activity.eraseHers(openid)
      return { erased: counts.map(({ coll, deleted }) => `${WHAT[coll]} ${deleted} 条`), kept: [] }
    },
  }
}

const built = perInstance((db) => createEventsData({ db, activity: createActivityRepository(db) }))

export const eventsData: DataProvider<'events'> = {
  service: 'events',
  exportFor: (db, openid) => built(db, systemClock).exportFor(openid),
  eraseFor: (db, openid) => built(db, systemClock).eraseFor(openid),
}
