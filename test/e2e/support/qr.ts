import jsQR from 'jsqr'

// pngjs ships no type declarations and @types/pngjs is not installed: type the one call used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(png: Buffer): { width: number; height: number; data: Buffer } } } }

/** Reads the QR code in a PNG screenshot, as a phone camera reads the screen or the print (the till's own decoder too). */
export function decodePng(png: Buffer): string {
  const img = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)
  if (!found) throw new Error('截图中没有识别到二维码')
  return found.data
}
