import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { BigButton } from '../../../../components/big-button'
import { Field } from '../../../../components/field'
import { decodeQrImage } from '../../lib/decode-qr-image'
import { extractCode } from '../../lib/scanned-code'
import './index.css'

interface Props {
  /** Prefix of the element ids: `<idPrefix>-scan`, `-input`, `-submit`, `-file`, `-paste`. */
  idPrefix: string
  scanText: string
  inputLabel: string
  onCode: (code: string) => Promise<void> | void
  busy?: boolean
}

const isH5 = process.env.TARO_ENV === 'h5'

/**
 * Every way a code reaches us: the camera in WeChat; in the browser demo a
 * picture of the code, the clipboard, or typing. All end in `onCode(text)`.
 */
export function ScanBox({ idPrefix, scanText, inputLabel, onCode, busy }: Props) {
  const [text, setText] = useState('')
  const [hint, setHint] = useState('')
  const submit = async (raw: string) => {
    const code = extractCode(raw)
    setHint(code ? '' : '请先扫码或输入码')
    if (!code) return
    await onCode(code)
    setText('')
  }
  // A WeChat mini-program code arrives as a path with its scene; a plain QR as its text.
  const scan = () => Taro.scanCode({ onlyFromCamera: false }).then((res) => submit(res.path || res.result), () => undefined)
  const paste = () =>
    navigator.clipboard.readText().then(
      (value) => setText(extractCode(value)),
      () => setHint('无法读取剪贴板，请长按输入框粘贴'),
    )
  const pick = (file: File | undefined) =>
    file &&
    decodeQrImage(file).then(
      (value) => submit(value),
      () => setHint('图片中没有识别到二维码，请换一张清晰的图片'),
    )

  return (
    <View className='scan-box'>
      {!isH5 && <BigButton id={`${idPrefix}-scan`} loading={busy} onClick={scan}>{scanText}</BigButton>}
      {isH5 && (
        <View className='scan-box__file'>
          <Text className='scan-box__file-label'>从图片识别{scanText.replace(/^扫/, '')}：选择二维码图片</Text>
          <input id={`${idPrefix}-file`} type='file' accept='image/*' onChange={(e) => void pick(e.target.files?.[0])} />
        </View>
      )}
      <Field id={`${idPrefix}-input`} label={inputLabel} value={text} onInput={setText} placeholder='扫不出来时，可在此输入或粘贴码' maxlength={400} error={hint} />
      <View className='scan-box__actions'>
        {isH5 && <BigButton id={`${idPrefix}-paste`} variant='secondary' className='scan-box__half' onClick={paste}>粘贴</BigButton>}
        <BigButton id={`${idPrefix}-submit`} variant={isH5 ? 'primary' : 'secondary'} className={isH5 ? 'scan-box__half' : ''} loading={busy} onClick={() => submit(text)}>提交</BigButton>
      </View>
    </View>
  )
}
