import tcb from '@cloudbase/node-sdk'
import { installDbRetry } from './db-retry'
import { env } from './env'

export type Db = ReturnType<ReturnType<typeof tcb.init>['database']>

let cachedDb: Db | undefined

/**
 * The one place that initialises the SDK. In CloudBase the function's own
 * environment is used; locally `TCB_SERVICE_URL` points the same SDK at the
 * local emulator.
 */
export function getDb(): Db {
  if (cachedDb) return cachedDb
  const e = env()
  const app = e.serviceUrl
    ? tcb.init({
        env: e.envId,
        serviceUrl: e.serviceUrl,
        secretId: e.secretId || 'local',
        secretKey: e.secretKey || 'local',
        timeout: 30000,
      })
    : tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  cachedDb = app.database()
  installDbRetry(cachedDb) // a call refused for the plan's rate or connections is sent again (db-retry.ts)
  return cachedDb
}

/** For tests and tools that talk to a given emulator URL directly. */
export function connectDb(serviceUrl: string, envId = 'local'): Db {
  const db = tcb.init({ env: envId, serviceUrl, secretId: 'local', secretKey: 'local', timeout: 30000 }).database()
  installDbRetry(db)
  return db
}
