/**
 * A member's own data, service by service (PIPL: she may see and delete what is
 * stored about her). Each service provides its part through this interface and
 * `member` composes them, so `member` never reads another service's collections
 * itself and a new service adds one provider instead of editing member.
 */
import type { ExportedNotice, MyServicesExport } from '~types/member'
import type { Db } from './db'
import type { Notices } from './notices'

export type DataService = keyof MyServicesExport

/** What a service did with one member's data when her deletion request was carried out. */
export interface ErasureReport {
  /** What was erased, in words an officer and the member read (e.g. 集章记录 12 条). */
  erased: string[]
  /** What is kept, and why (a legal retention period, the union's own records). */
  kept: { what: string; why: string; /** May be erased later (e.g. once a booking is over): ask again then. */ later?: boolean }[]
}

/**
 * `now` is member's injected clock (tests run on a fixed one), read once per call: a provider reasons
 * with it instead of the host's clock, and reads documents through typed repositories, not casts.
 */
export interface DataProvider<K extends DataService> {
  service: K
  /** Everything this service stores about her, as named fields (no openids, holders or staff ids). */
  exportFor(db: Db, openid: string, now: number): Promise<MyServicesExport[K]>
  /** Erase what may be erased now; say what must be kept and why. */
  eraseFor(db: Db, openid: string, now: number): Promise<ErasureReport>
}

/** One provider per service of the export type: the compiler refuses a service left out. */
export type DataProviders = { [K in DataService]: DataProvider<K> }

/** Her notices of one service (oldest first, as every list of the export) and her opt-ins left per topic, null before her first. */
export async function noticesExport<K extends string, T extends string>(
  notices: Pick<Notices<K, T>, 'list' | 'credits'>,
  openid: string,
): Promise<{ noticeOptins: Record<T, number> | null; notices: ExportedNotice<K>[] }> {
  const [sent, credits] = await Promise.all([notices.list(openid), notices.credits(openid)])
  return {
    noticeOptins: credits,
    notices: [...sent]
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((n) => ({ kind: n.kind, title: n.title, fields: n.fields, createdAt: n.createdAt, delivered: n.delivered })),
  }
}
