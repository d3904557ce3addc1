import { Alert, Button, Card, Table, type PrimaryTableCol } from 'tdesign-react'
import type { Figure, FiguresDTO } from '~types/matchmaking'
import { call } from '../../api'
import { useRemote } from '../../use-remote'

type Row = { key: string; label: string; signedUp: string; approved: string; checkedIn: string }
const show = (f: Figure) => String(f)
const pair = (g: Record<'M' | 'F', Figure>) => `${show(g.M)} / ${show(g.F)}`

/** The figures as the function gives them: aggregates only, any count under five reads '<5'. */
function rowsOf(f: FiguresDTO): Row[] {
  return [
    { key: 'all', label: '合计（男 / 女）', signedUp: pair(f.signedUp), approved: pair(f.approved), checkedIn: pair(f.checkedIn) },
    ...f.bySector.map((s) => ({
      key: s.sector,
      label: s.sector,
      signedUp: show(s.signedUp),
      approved: show(s.approved),
      checkedIn: show(s.checkedIn),
    })),
  ]
}

const COLUMNS: PrimaryTableCol<Row>[] = [
  { colKey: 'label', title: '' },
  { colKey: 'signedUp', title: '报名' },
  { colKey: 'approved', title: '通过' },
  { colKey: 'checkedIn', title: '签到' },
]

export function MixerFigures({ mixerId }: { mixerId: string }) {
  const figures = useRemote(() => call('matchmaking', 'figures', { mixerId }), [mixerId])
  const f = figures.data
  return (
    <Card bordered={false} title='活动数据' className='mixer-card mixer-figures'>
      {figures.error && <Alert theme='error' message={figures.error} operation={<Button onClick={figures.reload}>重试</Button>} />}
      <Table rowKey='key' columns={COLUMNS} data={f ? rowsOf(f) : []} loading={figures.loading} empty='暂无数据' />
      {f && (
        <p className='muted'>
          配对成功：{f.pairs === null ? '配对后公布' : `${show(f.pairs)} 对`}。少于 5 人的数字显示为“&lt;5”，以免识别到个人。
        </p>
      )}
    </Card>
  )
}
