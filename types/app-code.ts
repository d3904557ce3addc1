/** A mini-program code (小程序码) as the functions hand it to a page: shown with <Image src={dataUrl}>, printed as is. */
export interface AppCodeImage {
  /** `image/png` locally; WeChat answers `image/jpeg` or `image/png`. */
  contentType: string
  /** `data:<contentType>;base64,…` */
  dataUrl: string
}
