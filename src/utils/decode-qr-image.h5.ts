/** H5 only: decodes the QR code in an image file the member picked (a photo or screenshot of a booth code). */
export async function decodeQrImage(file: File): Promise<string> {
  const [{ default: jsQR }, bitmap] = await Promise.all([import('jsqr'), createImageBitmap(file)])
  // Phone photos are large; 1200 px on the long side keeps decoding fast and the modules readable.
  const scale = Math.min(1, 1200 / Math.max(bitmap.width, bitmap.height))
  const width = Math.round(bitmap.width * scale)
  const height = Math.round(bitmap.height * scale)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d canvas')
  ctx.drawImage(bitmap, 0, 0, width, height)
  const found = jsQR(ctx.getImageData(0, 0, width, height).data, width, height)
  if (!found?.data) throw new Error('no QR code in image')
  return found.data
}
