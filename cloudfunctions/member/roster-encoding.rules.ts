/**
 * The bytes of an uploaded roster file, as text. Excel on Chinese Windows saves
 * "CSV" in GBK (code page 936) unless "CSV UTF-8" is chosen, so both arrive:
 * bytes that are valid UTF-8 are read as UTF-8 (a BOM is dropped), anything
 * else is read as GB18030, the superset of GBK and GB2312. A file that is
 * neither is refused plainly instead of importing mojibake.
 */
import iconv from 'iconv-lite'

type RosterEncoding = 'utf-8' | 'gb18030'

type Decoded = { ok: true; text: string; encoding: RosterEncoding } | { ok: false; reason: string }

const utf8 = new TextDecoder('utf-8', { fatal: true })

export function decodeRosterBytes(bytes: Uint8Array): Decoded {
  try {
    const text = utf8.decode(bytes)
    return { ok: true, text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' }
  } catch {
    // not UTF-8: try the Chinese Windows encodings
  }
  const text = iconv.decode(Buffer.from(bytes), 'gb18030')
  // U+FFFD marks bytes GB18030 cannot read either; C0 controls other than tab/CR/LF mean a binary file (an .xlsx).
  // eslint-disable-next-line no-control-regex -- the control characters are what this looks for
  if (text.includes('\uFFFD') || /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) {
    return { ok: false, reason: '文件既不是 UTF-8 也不是 GBK 编码的 CSV（可能是 Excel 工作簿），请在 Excel 中“另存为 CSV UTF-8”后重试' }
  }
  return { ok: true, text, encoding: 'gb18030' }
}
