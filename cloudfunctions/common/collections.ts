/** Every collection name, in one place. Deploy creates these (see README). */
export const COLLECTIONS = {
  roster: 'roster',
  users: 'users',
  staffInvites: 'staff_invites',
  verifyAttempts: 'verify_attempts',
  requests: 'requests',
  deletionRequests: 'deletion_requests',
  auditLog: 'audit_log',
  // events (集章打卡 · 活动签到)
  events: 'events',
  eventBooths: 'event_booths',
  eventTiers: 'event_tiers',
  eventCheckpoints: 'event_checkpoints',
  eventSignups: 'event_signups',
  eventStamps: 'event_stamps',
  eventStampCards: 'event_stamp_cards',
  eventRedemptions: 'event_redemptions',
  eventCheckins: 'event_checkins',
  eventUsedCodes: 'event_used_codes',
  eventScans: 'event_scans',
  // screening (两癌筛查)
  screeningProgrammes: 'screening_programmes',
  screeningSites: 'screening_sites',
  screeningSessions: 'screening_sessions',
  screeningQuotas: 'screening_quotas',
  screeningBookings: 'screening_bookings',
  screeningWaitlist: 'screening_waitlist',
  screeningResults: 'screening_results',
  screeningReminders: 'screening_reminders',
  noticeOptins: 'notice_optins',
  outbox: 'outbox',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]
