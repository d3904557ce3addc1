import { getDb } from '../cloudfunctions/common/db'
import { COLLECTIONS } from '../cloudfunctions/common/collections'
import { seed, summaryLines } from './seed/seed'

/** `npm start` seeds only a store that holds no roster yet; `npm run seed` re-runs the idempotent seed on demand. */
export async function seedIfEmpty(): Promise<void> {
  const db = getDb()
  let rosterSize = 0
  try {
    rosterSize = (await db.collection(COLLECTIONS.roster).count()).total ?? 0
  } catch {
    rosterSize = 0 // a fresh store has no collections yet
  }
  if (rosterSize > 0) {
    console.log(`[seed] 已有 ${rosterSize} 条名册记录，跳过演示数据（需要时运行 npm run seed）`)
    return
  }
  const started = Date.now()
  const report = await seed(db)
  console.log(`[seed] 演示数据已写入，用时 ${((Date.now() - started) / 1000).toFixed(1)} s：`)
  for (const line of summaryLines(report)) console.log(line)
}
