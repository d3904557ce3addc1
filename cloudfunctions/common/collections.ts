/** Every collection name, in one place. Deploy creates these (see README). */
export const COLLECTIONS = {
  roster: 'roster',
  users: 'users',
  staffInvites: 'staff_invites',
  verifyAttempts: 'verify_attempts',
  requests: 'requests',
  deletionRequests: 'deletion_requests',
  auditLog: 'audit_log',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]
