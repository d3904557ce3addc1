import type { DeletionState } from '~types/member'

/** A deletion request's state as members and officers read it. */
export const DELETION_STATE_LABEL: Record<DeletionState, string> = {
  pending: '等待工会处理',
  partly: '已部分删除，其余到期后删除',
  done: '已删除',
  withdrawn: '已撤回（申请后重新认证）',
}
