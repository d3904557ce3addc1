import { Card, Empty } from 'tdesign-react'

/** A menu entry whose page is not built yet: said plainly, never a dead end (the menu stays). */
export function ComingSoon({ title }: { title: string }) {
  return (
    <>
      <h2 className='page-title'>{title}</h2>
      <Card bordered={false}>
        <Empty title='即将上线' description={`“${title}”正在建设中；在此之前，请在小程序的“工会干部入口”中办理。`} />
      </Card>
    </>
  )
}
