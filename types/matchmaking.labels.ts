/** 会聚良缘's words for a sign-up's and a match's state and its notice topic, typed by its unions. */
import type { MatchDTO, MatchNoticeTopic, SignupStatus } from './matchmaking'
import { topicTitles } from './notice-templates'

export const SIGNUP_STATUS_LABELS: Record<SignupStatus, string> = {
  review: '待审核',
  approved: '已通过',
  waiting: '候补中',
  offered: '有名额待确认',
  rejected: '未通过',
  cancelled: '已取消',
  withdrawn: '已随单身承诺撤回',
}

export const MATCH_STATE_LABELS: Record<MatchDTO['state'], string> = {
  open: '已配对',
  waiting: '等待对方交换联系方式',
  exchanged: '已交换联系方式',
  ended: '已结束',
}

/** Her opt-ins, by the title of the template each lets through (types/notice-templates.ts). */
export const MATCH_NOTICE_TOPIC_LABELS = topicTitles('matchmaking') as Record<MatchNoticeTopic, string>
