import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decodePng } from './qr'

/** poppler-utils reads a printed PDF back; without it a test that needs it is skipped, except under CI (.ci/run installs it). */
export const popplerAvailable = existsSync('/usr/bin/pdfimages') && existsSync('/usr/bin/pdfinfo')

/**
 * What a printed PDF holds, as someone would check the paper: its page count, the text of every QR code
 * among its images (each image read as a camera reads it), and how many images each page carries.
 */
export function readPrintedCodes(pdf: Buffer): { pages: number; codes: string[]; imagesPerPage: number[] } {
  const dir = mkdtempSync(join(tmpdir(), 'printed-'))
  try {
    const file = join(dir, 'print.pdf')
    writeFileSync(file, pdf)
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])
    execFileSync('pdfimages', ['-png', file, join(dir, 'img')])
    const codes: string[] = []
    for (const f of readdirSync(dir).filter((n) => n.startsWith('img') && n.endsWith('.png'))) {
      try {
        codes.push(decodePng(readFileSync(join(dir, f))))
      } catch {
        // an image that is not a code (a logo, a background)
      }
    }
    const perPage = new Map<string, number>()
    for (const line of execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)) {
      const page = line.trim().split(/\s+/)[0]
      perPage.set(page, (perPage.get(page) ?? 0) + 1)
    }
    return { pages, codes, imagesPerPage: [...perPage.values()] }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
