/**
 * Reading a QR code out of a picture is the browser demo's stand-in for the
 * camera. In WeChat, Taro.scanCode does this (it can also pick from the album),
 * so the weapp build gets this stub and never bundles a decoder; the H5 build
 * resolves decode-qr-image.h5.ts instead (Taro's per-platform files).
 */
export async function decodeQrImage(_file: unknown): Promise<string> {
  throw new Error('decodeQrImage is only available in the H5 build')
}
