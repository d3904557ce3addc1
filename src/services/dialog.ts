import Taro from '@tarojs/taro'

export interface ConfirmText {
  title: string
  /** What happens if she confirms, in plain words: the consequence, not "are you sure". */
  content: string
  confirmText?: string
  cancelText?: string
  /** A step that takes something away (cancel, delete, stop): the confirm button in the warning colour. */
  danger?: boolean
}

/**
 * The one confirmation dialog. Pass it as `useAction(fn, { ask })` so the button behind it is not
 * 请稍候… while she reads; only a confirmed step starts the action.
 */
export async function confirmDialog({ title, content, confirmText = '确定', cancelText = '取消', danger }: ConfirmText): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText, ...(danger ? { confirmColor: '#c62828' } : {}) })
  return res.confirm
}
