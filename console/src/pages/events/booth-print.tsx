import { useEffect, useState } from 'react'
import { createPortal } from 'react-dom'
import { Button, Progress } from 'tdesign-react'
import type { BoothCodeDTO } from '~types/events'
import { call, messageOf } from '../../api'
import './booth-print.css'

/**
 * 打印展位码: every booth's mini-program code (events.boothCodeImage, one call each, in turn so 50 booths
 * do not flood the function), 6 to an A4 page; the browser's print dialog saves it as PDF. The sheet is
 * drawn over the whole window, outside the console's layout (a portal on <body>), so that on paper the
 * console is left out entirely and nothing of the sheet is clipped by the layout's scrolling panes.
 */
export function BoothPrint({
  eventId,
  title,
  codes,
  onClose,
}: {
  eventId: string
  title: string
  codes: BoothCodeDTO[]
  onClose: () => void
}) {
  const [images, setImages] = useState<Record<string, string>>({})
  const [failed, setFailed] = useState<Record<string, string>>({})
  useEffect(() => {
    let live = true
    void (async () => {
      for (const c of codes) {
        try {
          const img = await call('events', 'boothCodeImage', { eventId, boothId: c.boothId })
          if (!live) return
          setImages((m) => ({ ...m, [c.boothId]: img.dataUrl }))
        } catch (err) {
          if (!live) return
          setFailed((m) => ({ ...m, [c.boothId]: messageOf(err) }))
        }
      }
    })()
    return () => {
      live = false
    }
  }, [eventId, codes])
  const done = Object.keys(images).length + Object.keys(failed).length
  const pages: BoothCodeDTO[][] = []
  for (let i = 0; i < codes.length; i += 6) pages.push(codes.slice(i, i + 6))
  return createPortal(
    <div className='booth-print'>
      <div className='booth-print-bar no-print'>
        <Button variant='outline' onClick={onClose}>
          返回
        </Button>
        <span style={{ flex: 1 }}>
          {title}：共 {codes.length} 个展位码，{pages.length} 页 A4
        </span>
        <Progress percentage={codes.length ? Math.round((done / codes.length) * 100) : 100} style={{ width: 200 }} />
        <Button id='booth-print-go' disabled={done < codes.length} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      {pages.map((page, i) => (
        <section className='booth-page' key={i}>
          {page.map((c) => (
            <figure className='booth-card' key={c.boothId}>
              {images[c.boothId] ? (
                <img src={images[c.boothId]} alt={`${c.boothName}的展位码`} />
              ) : (
                <div className='booth-missing'>{failed[c.boothId] ?? '正在生成…'}</div>
              )}
              <figcaption>
                <strong>{c.boothName}</strong>
                <span>
                  {c.zoneName} · {c.exhibitor}
                </span>
                <span className='booth-text'>
                  {c.code}（第 {c.version} 版）
                </span>
              </figcaption>
            </figure>
          ))}
        </section>
      ))}
    </div>,
    document.body,
  )
}
