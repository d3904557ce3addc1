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
  /** Gets the unwrapped code. Whatever it answers, the box is cleared and ready for the next person. */
  onCode: (code: string) => Promise<unknown> | void
  busy?: boolean
  submitText?: string
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

/** The box's text and hint; `submit` unwraps the code, hands it on, and clears the box whatever the outcome. */
function useScanInput(onCode: Props['onCode']) {
  const [text, setText] = useState('')
  const [hint, setHint] = useState('')
  const submit = async (raw: string) => {
    const code = extractCode(raw)
    setHint(code ? '' : '请先扫码或输入码')
    if (!code) return
    try {
      await onCode(code)
    } finally {
      setText('')
    }
  }
  // A WeChat mini-program code arrives as a path with its scene; a plain QR as its text.
  const scan = () =>
    Taro.scanCode({ onlyFromCamera: false }).then(
      (res) => submit(res.path || res.result),
      () => undefined,
    )
  const paste = () =>
    navigator.clipboard.readText().then(
      (value) => setText(extractCode(value)),
      () => setHint('无法读取剪贴板，请长按输入框粘贴'),
    )
  return { text, setText, hint, setHint, submit, scan, paste }
}

/**
 * Every way a code reaches a desk or a member: the camera (or album) in WeChat;
 * in the browser a picture of the code, the clipboard, or typing. All end in
 * `onCode(text)`, and the box is ready again afterwards whatever the outcome.
 */
export function ScanBox({ idPrefix, scanText, inputLabel, onCode, busy, submitText = '提交' }: Props) {
  const { text, setText, hint, setHint, submit, scan, paste } = useScanInput(onCode)
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
        placeholder='扫不出来时，可在此输入或粘贴码'
        maxlength={600}
        error={hint}
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
