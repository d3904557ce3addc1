import type { CollectionName } from './collections'

/**
 * Every index the functions' queries need, per collection: one file that
 * `npm run db:indexes` turns into commands for a real CloudBase environment
 * and that the local emulator builds and honours (docs/emulator.md). With the
 * emulator's notablescan mode on (the integration suite), a query that no
 * index below serves fails on a large collection, so code and file cannot drift.
 *
 * An index serves a query when the query pins its FIRST field (equality,
 * `_.in`, or a range); the more leading fields the query pins by equality, the
 * fewer documents it reads. `_id` is always indexed: never declare it.
 * Add the indexes of your own queries in your service's section; keep the
 * list short (each index costs every write).
 */
export interface IndexField {
  /** Dotted paths reach into embedded documents (`'offer.expiresAt'`). */
  field: string
  /** 1 ascending (default), -1 descending: matters only for sorted reads. */
  order?: 1 | -1
}

export interface IndexDeclaration {
  /** Unique across the collection; used as the index name on CloudBase. */
  name: string
  /** In order: a query must pin the first to use the index. */
  fields: readonly IndexField[]
  /** true: two documents with the same values in `fields` are refused. */
  unique?: boolean
}

export type IndexDeclarations = Partial<Record<CollectionName, readonly IndexDeclaration[]>>

const asc = (...fields: string[]): IndexField[] => fields.map((field) => ({ field }))

export const INDEXES: IndexDeclarations = {
  // ---------- member ----------
  roster: [
    { name: 'phone', fields: asc('phone') },
    { name: 'branch', fields: asc('branch') },
    { name: 'tags', fields: asc('tags') },
    { name: 'name', fields: asc('name') },
    // every member action: her verified record in one read (auth.ts, through roster-lookup.ts)
    { name: 'boundOpenid', fields: asc('boundOpenid') },
    // an officer's roster is her subtree's (unions.ts ownedWhere); a union's member count
    { name: 'unionPath', fields: asc('unionPath') },
    { name: 'unionId', fields: asc('unionId') },
  ],
  // the tree: a node's children; a roster row names its union (unique names: import matches by name)
  unions: [
    { name: 'parentId', fields: asc('parentId') },
    { name: 'name', fields: asc('name'), unique: true },
    { name: 'path', fields: asc('path') },
  ],
  // 工会组织: officers per union (member unions.repository.ts officerCounts)
  users: [{ name: 'roles_unionId', fields: asc('roles.unionId') }],
  // 工作人员 → 邀请 (issue 18): a district's by the target's owner path; the city's by state, kind or time; 撤销 by ref
  staff_invites: [
    { name: 'unionPath', fields: asc('unionPath') },
    { name: 'unionId', fields: asc('unionId') },
    { name: 'state_expiresAt', fields: asc('state', 'expiresAt') },
    { name: 'scope.kind', fields: asc('scope.kind') },
    { name: 'createdAt', fields: [{ field: 'createdAt', order: -1 }] },
    { name: 'ref', fields: asc('ref'), unique: true },
  ],
  // request markers: the sweeper removes expired ones; a deletion request erases hers (idempotency.ts)
  requests: [
    { name: 'startedAt', fields: asc('startedAt') },
    { name: 'openid', fields: asc('openid') },
  ],
  // an officer's trail: what she did, newest first (the console's audit view; issue 20's scope test)
  audit_log: [{ name: 'actor_at', fields: [{ field: 'actor' }, { field: 'at', order: -1 }] }],
  deletion_requests: [
    { name: 'openid_requestedAt', fields: [{ field: 'openid' }, { field: 'requestedAt', order: -1 }] },
    { name: 'status', fields: asc('status') },
  ],

  // ---------- events ----------
  // an officer's events are her subtree's (unions.ts ownedWhere); a union's things on a move (union-moves.ts)
  events: [
    { name: 'unionPath', fields: asc('unionPath') },
    { name: 'unionId', fields: asc('unionId') },
  ],
  event_booths: [{ name: 'eventId', fields: asc('eventId') }],
  event_tiers: [{ name: 'eventId', fields: asc('eventId') }],
  event_checkpoints: [{ name: 'eventId', fields: asc('eventId') }],
  event_signups: [
    { name: 'eventId', fields: asc('eventId') },
    { name: 'openid', fields: asc('openid') },
  ],
  // her card (cooldown, gift notes) goes with her data on deletion (events/my-data.erase.ts)
  event_stamp_cards: [{ name: 'openid', fields: asc('openid') }],
  event_stamps: [
    { name: 'eventId_openid', fields: asc('eventId', 'openid') },
    { name: 'openid', fields: asc('openid') },
    // the dashboard's counters roll up stamps since their watermark (stamp-stats.ts)
    { name: 'eventId_stampedAt', fields: asc('eventId', 'stampedAt') },
  ],
  event_redemptions: [
    { name: 'eventId', fields: asc('eventId') },
    // a sold-out tier wins back units of claims dead past the stale rule (gift.service.ts)
    { name: 'tierId_state_pendingAt', fields: asc('tierId', 'state', 'pendingAt') },
    { name: 'openid', fields: asc('openid') },
    // claim-ledger sweepStale({tierId}) after a refused gift (gift.service.ts)
    { name: 'tierId_state_pendingAt', fields: asc('tierId', 'state', 'pendingAt') },
    // a gift desk's retry after a crash answers from the redemption its request wrote (gift.service.ts redeemedBy)
    { name: 'requestId', fields: asc('requestId') },
  ],
  event_checkins: [
    { name: 'eventId', fields: asc('eventId') },
    { name: 'checkpointId', fields: asc('checkpointId') },
    { name: 'openid', fields: asc('openid') },
  ],
  event_scans: [{ name: 'eventId_ok_at', fields: [{ field: 'eventId' }, { field: 'ok' }, { field: 'at', order: -1 }] }],

  // ---------- screening ----------
  // an officer's programmes and desks are her subtree's (unions.ts ownedWhere); a union's things on a move
  screening_programmes: [
    { name: 'unionPath', fields: asc('unionPath') },
    { name: 'unionId', fields: asc('unionId') },
  ],
  screening_sites: [
    { name: 'unionPath', fields: asc('unionPath') },
    { name: 'unionId', fields: asc('unionId') },
  ],
  screening_sessions: [
    { name: 'programmeId_siteId_date', fields: asc('programmeId', 'siteId', 'date') },
    // the desk's day list (staffSessions) reads one day across programmes
    { name: 'date', fields: asc('date') },
  ],
  screening_quotas: [{ name: 'programmeId', fields: asc('programmeId') }],
  screening_bookings: [
    { name: 'ref', fields: asc('ref'), unique: true },
    { name: 'openid', fields: asc('openid') },
    { name: 'sessionId', fields: asc('sessionId') },
    { name: 'programmeId', fields: asc('programmeId') },
    // the console's bookings table in booked-time order (screening/booking-table.repository.ts)
    { name: 'programmeId_pendingAt', fields: asc('programmeId', 'pendingAt') },
    { name: 'status_pendingAt', fields: asc('status', 'pendingAt') },
    { name: 'rescheduling.at', fields: asc('rescheduling.at') },
    // confirmations owed (notices settled by the sweeper)
    { name: 'noticeDue', fields: asc('noticeDue') },
  ],
  screening_waitlist: [
    { name: 'programmeId_status_rank', fields: asc('programmeId', 'status', 'rank') },
    { name: 'status_offerExpiresAt', fields: asc('status', 'offer.expiresAt') },
    { name: 'openid', fields: asc('openid') },
  ],
  screening_results: [{ name: 'openid', fields: asc('openid') }],
  screening_reminders: [{ name: 'sentAt', fields: asc('sentAt') }],
  outbox: [
    { name: 'openid', fields: asc('openid') },
    // The timer's delivery queue (notices.repository.ts `due`, `stale`).
    { name: 'fn_state_dueAt', fields: asc('fn', 'state', 'dueAt') },
    { name: 'fn_state_leaseUntil', fields: asc('fn', 'state', 'leaseUntil') },
  ],

  // ---------- matchmaking ----------
  mixers: [
    { name: 'phase_startsAt', fields: asc('phase', 'startsAt') },
    { name: 'programme_startsAt', fields: asc('programme', 'startsAt') },
    // owned (issue 20): an officer's mixers are her subtree's (unions.ts ownedWhere); a union's moves rewrite by unionId
    { name: 'unionPath', fields: asc('unionPath') },
    { name: 'unionId', fields: asc('unionId') },
    // the city's console table of every mixer by date, and by sign-up window (matchmaking/officer-tables.repository.ts)
    { name: 'startsAt', fields: asc('startsAt') },
    { name: 'signupClosesAt', fields: asc('signupClosesAt') },
  ],
  mixer_places: [{ name: 'mixerId', fields: asc('mixerId') }],
  mixer_signups: [
    { name: 'ref', fields: asc('ref'), unique: true },
    { name: 'openid', fields: asc('openid') },
    { name: 'mixerId_gender_state_seq', fields: asc('mixerId', 'gender', 'state', 'seq') },
    { name: 'mixerId_badge', fields: asc('mixerId', 'badge') },
    // the console's review table, in sign-up order (matchmaking/officer-tables.repository.ts)
    { name: 'mixerId_signedUpAt', fields: asc('mixerId', 'signedUpAt') },
    { name: 'state_offerExpiresAt', fields: asc('state', 'offerExpiresAt') },
  ],
  mixer_picks: [{ name: 'mixerId', fields: asc('mixerId') }],
  mixer_matches: [
    { name: 'mixerId_a', fields: asc('mixerId', 'a.openid') },
    { name: 'mixerId_b', fields: asc('mixerId', 'b.openid') },
  ],
  mixer_reports: [{ name: 'at', fields: [{ field: 'at', order: -1 }] }],
  // the officers' 资料审核 queue (held profile texts) and a decision on one by its ref (profile-text.repository.ts)
  mixer_profiles: [
    { name: 'hold_state', fields: asc('hold.state') },
    { name: 'hold_ref', fields: asc('hold.ref') },
  ],

  // ---------- vouchers ----------
  vouchers: [
    { name: 'openid_campaignId', fields: asc('openid', 'campaignId') },
    { name: 'campaignId', fields: asc('campaignId') },
    { name: 'status_useEndsAt', fields: asc('status', 'useEndsAt') },
    // money returns a call left half-way (the timer finishes the stale ones per campaign)
    { name: 'campaignId_returning.at', fields: asc('campaignId', 'returning.at') },
  ],
  voucher_pools: [{ name: 'campaignId', fields: asc('campaignId') }],
  voucher_redemptions: [
    { name: 'merchantId_at', fields: asc('merchantId', 'at') },
    { name: 'campaignId', fields: asc('campaignId') },
  ],
  voucher_entries: [{ name: 'campaignId_ref', fields: asc('campaignId', 'ref') }],
  // owned (issue 20): an officer's lists are her subtree's (unions.ts ownedWhere); a union's moves rewrite by unionId
  voucher_campaigns: [
    { name: 'unionPath', fields: asc('unionPath') },
    { name: 'unionId', fields: asc('unionId') },
    // the city's 批次 table (issue 18, officer-table.repository.ts): its sorts, state (claim window) and name filters
    { name: 'createdAt', fields: [{ field: 'createdAt', order: -1 }] },
    { name: 'claimStartsAt', fields: asc('claimStartsAt') },
    { name: 'claimEndsAt', fields: asc('claimEndsAt') },
    { name: 'name', fields: asc('name') },
  ],
  voucher_merchants: [
    { name: 'unionPath', fields: asc('unionPath') },
    { name: 'unionId', fields: asc('unionId') },
    // the city's 商户 table: its sorts and filters (a district's is served by unionPath)
    { name: 'createdAt', fields: asc('createdAt') },
    { name: 'name', fields: asc('name') },
    { name: 'suspended', fields: asc('suspended') },
    { name: 'category', fields: asc('category') },
  ],
  // 待处理争议 (issue 18): a district's by the merchants' owner path, the city's by state, newest first
  voucher_statements: [
    { name: 'unionPath', fields: asc('unionPath') },
    { name: 'unionId', fields: asc('unionId') },
    { name: 'disputeState_at', fields: [{ field: 'disputeState' }, { field: 'at', order: -1 }] },
  ],

  // ---------- console (issue 18) ----------
  // 我的 → 已登录的电脑 and 退出所有电脑: her sessions
  console_sessions: [{ name: 'openid', fields: asc('openid') }],
  // the timer clears login requests past use (the console reads them by _id)
  console_logins: [{ name: 'startedAt', fields: asc('startedAt') }],
}
