import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { decodeQrImage } from '~src/utils/decode-qr-image'
import { extractCode } from '~src/utils/scanned-code'
import { BigButton } from '../big-button'
import { Field } from '../field'
import './index.css'

interface Props {
  /** Prefix of the element ids: `<idPrefix>-scan`, `-input`, `-submit`, `-pick`, `-file`, `-paste`. */
  idPrefix: string
  scanText: string
  inputLabel: string
  /**
   * Gets the unwrapped code. The box is then cleared and ready for the next person, whatever it
   * answers, unless `keepUntilAccepted`: then only an answer of `true` clears it (a typed code
   * with one wrong letter stays there to be mended).
   */
  onCode: (code: string) => Promise<unknown> | unknown
  busy?: boolean
  submitText?: string
  /** A code that arrived with the page (a link, a scanned mini-program code), shown to be confirmed. */
  initialText?: string
  /** Unwraps what was scanned or typed; '' when it is not this desk's kind of code (default: any text). */
  extract?: (scanned: string) => string
  /** Said when `extract` finds no code of this kind in a non-empty text. */
  notOursText?: string
  /** The caller's own message under the box (a refusal from the server), cleared by the caller. */
  error?: string
  /** Told of every change of the typed text, so the caller can clear its own stale message. */
  onTextChange?: (text: string) => void
  keepUntilAccepted?: boolean
  placeholder?: string
}

const isH5 = process.env.TARO_ENV === 'h5'

/** In the browser: a picture of the code, read on the phone (the native file input stays hidden behind a Chinese button). */
function PicturePick({
  idPrefix,
  busy,
  onCode,
  onHint,
}: {
  idPrefix: string
  busy?: boolean
  onCode: (text: string) => void
  onHint: (hint: string) => void
}) {
  const fileInput = useRef<HTMLInputElement | null>(null)
  const pick = (file: File | undefined) => {
    if (fileInput.current) fileInput.current.value = ''
    if (!file) return
    decodeQrImage(file).then(onCode, () => onHint('图片中没有识别到二维码，请换一张清晰的图片'))
  }
  return (
    <>
      <input
        id={`${idPrefix}-file`}
        ref={fileInput}
        className='scan-box__file'
        type='file'
        accept='image/*'
        onChange={(e) => pick(e.target.files?.[0])}
      />
      <BigButton id={`${idPrefix}-pick`} loading={busy} onClick={() => fileInput.current?.click()}>
        从图片识别二维码
      </BigButton>
    </>
  )
}

type InputOptions = Pick<Props, 'onCode' | 'initialText' | 'extract' | 'notOursText' | 'onTextChange' | 'keepUntilAccepted'>

/** Submitting: unwrap, hand on once (a second tap while it runs, or on the box just emptied by it, is ignored), clear. */
function useSubmit(o: InputOptions, setText: (t: string) => void, setHint: (h: string) => void) {
  const inFlight = useRef(false)
  const justDone = useRef(false)
  const submit = async (raw: string) => {
    if (inFlight.current || (justDone.current && !raw.trim())) return
    const code = (o.extract ?? extractCode)(raw)
    setHint(code ? '' : raw.trim() ? (o.notOursText ?? '请先扫码或输入码') : '请先扫码或输入码')
    if (!code) return
    inFlight.current = true
    try {
      const answer = await o.onCode(code)
      if (!o.keepUntilAccepted || answer === true) {
        setText('')
        justDone.current = true
      }
    } finally {
      inFlight.current = false
    }
  }
  return { submit, edited: () => (justDone.current = false) }
}

/** The box's text and hint; a change of the text clears the hint it no longer deserves. */
function useScanInput(o: InputOptions) {
  const [text, setTextState] = useState(o.initialText ?? '')
  const [hint, setHint] = useState('')
  const { submit, edited } = useSubmit(o, setTextState, setHint)
  const setText = (value: string) => {
    setTextState(value)
    setHint('')
    edited()
    o.onTextChange?.(value)
  }
  // A WeChat mini-program code arrives as a path with its scene; a plain QR as its text.
  const scan = () =>
    Taro.scanCode({ onlyFromCamera: false }).then(
      (res) => submit(res.path || res.result),
      () => undefined,
    )
  const paste = () =>
    navigator.clipboard.readText().then(
      (value) => setText((o.extract ?? extractCode)(value) || value.trim()),
      () => setHint('无法读取剪贴板，请长按输入框粘贴'),
    )
  return { text, setText, hint, setHint, submit, scan, paste }
}

/**
 * Every way a code reaches a desk or a member: the camera (or album) in WeChat;
 * in the browser a picture of the code, the clipboard, or typing. All end in
 * `onCode(text)`, and the box is ready again afterwards whatever the outcome.
 */
export function ScanBox(props: Props) {
  const { idPrefix, scanText, inputLabel, busy, submitText = '提交', error, placeholder } = props
  const { text, setText, hint, setHint, submit, scan, paste } = useScanInput(props)
  return (
    <View className='scan-box'>
      {!isH5 && (
        <BigButton id={`${idPrefix}-scan`} loading={busy} onClick={scan}>
          {scanText}
        </BigButton>
      )}
      {isH5 && <PicturePick idPrefix={idPrefix} busy={busy} onCode={(value) => void submit(value)} onHint={setHint} />}
      <Field
        id={`${idPrefix}-input`}
        label={inputLabel}
        value={text}
        onInput={setText}
        placeholder={placeholder ?? '扫不出来时，可在此输入或粘贴码'}
        maxlength={600}
        error={hint || error}
      />
      <View className='scan-box__actions'>
        {isH5 && (
          <BigButton id={`${idPrefix}-paste`} variant='secondary' className='scan-box__half' onClick={paste}>
            粘贴
          </BigButton>
        )}
        <BigButton
          id={`${idPrefix}-submit`}
          variant='secondary'
          className={isH5 ? 'scan-box__half' : ''}
          loading={busy}
          onClick={() => submit(text)}
        >
          {submitText}
        </BigButton>
      </View>
    </View>
  )
}
