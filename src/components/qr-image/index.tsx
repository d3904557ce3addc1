import { Image, View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrDataUrl } from '~src/utils/qr-data-url'
import './index.css'

interface Props {
  text: string
  id?: string
  /** Faded while a fresh code is being fetched, so nobody scans a stale one. */
  stale?: boolean
  size?: 'large' | 'print'
}

/** A scannable QR of `text`. The text itself is never shown: a code on screen is for the scanner only. */
export function QrImage({ text, id, stale, size = 'large' }: Props) {
  const src = useMemo(() => (text ? qrDataUrl(text) : ''), [text])
  return (
    <View className={`qr-image qr-image--${size} ${stale ? 'qr-image--stale' : ''}`}>
      {/* The box and the code are both square: scaleToFill fills it exactly (H5's aspectFit mis-centres the img). */}
      {src && <Image id={id} className='qr-image__img' src={src} mode='scaleToFill' />}
    </View>
  )
}
