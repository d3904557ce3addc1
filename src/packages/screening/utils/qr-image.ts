import qrcode from 'qrcode-generator'

/**
 * A QR code as a GIF data URL. An <Image> with a data URL renders the same in
 * WeChat and in the browser, needs no canvas, and can be screenshot and decoded.
 * Level M and a 4-module quiet zone keep it readable on a scratched phone screen.
 */
export function qrDataUrl(text: string, cellSize = 6): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(cellSize, cellSize * 4)
}
