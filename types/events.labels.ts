/** Events' words for a sign-up's and a gift redemption's state, typed by the states the export carries. */
import type { MyServicesExport } from './member'

type Events = MyServicesExport['events']

export const SIGN_UP_STATE_LABELS: Record<Events['signUps'][number]['state'], string> = { pending: '处理中', confirmed: '已报名' }

export const REDEMPTION_STATE_LABELS: Record<Events['redemptions'][number]['state'], string> = { pending: '处理中', confirmed: '已兑换' }
