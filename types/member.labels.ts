/** member's words for her profile and consents, typed by its unions. */
import type { ConsentKind, ProfileDTO } from './member'

export const GENDER_LABELS: Record<ProfileDTO['gender'], string> = { F: '女', M: '男', '': '未登记' }

export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = { 'screening-privacy': '两癌筛查个人信息告知' }
