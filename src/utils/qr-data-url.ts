import qrcode from 'qrcode-generator'

/**
 * A QR code as a GIF data URL: plain JS, no canvas, so the same <Image> shows it
 * in WeChat and in the browser. Level M survives a phone held at an angle;
 * a quiet zone of 4 modules is what scanners expect.
 */
export function qrDataUrl(text: string, cellSize = 8): string {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return qr.createDataURL(cellSize, cellSize * 4)
}
