import { Alert, Table, type PrimaryTableCol } from 'tdesign-react'
import type { DecideManyResultDTO, ReviewGenderSummary } from '~types/matchmaking'

const COLUMNS: PrimaryTableCol<ReviewGenderSummary>[] = [
  { colKey: 'gender', title: '性别', cell: ({ row }) => (row.gender === 'M' ? '男' : '女') },
  { colKey: 'places', title: '名额' },
  { colKey: 'left', title: '剩余名额' },
  { colKey: 'review', title: '待审核' },
  { colKey: 'approved', title: '已通过' },
  { colKey: 'offered', title: '有名额待确认' },
  { colKey: 'waiting', title: '候补中' },
]

/** The exact balance per gender (the function's figures, not counted here): what the officer decides against. */
export function ReviewSummary({ summary }: { summary: ReviewGenderSummary[] | undefined }) {
  return (
    <div id='review-summary'>
      <Table rowKey='gender' columns={COLUMNS} data={summary ?? []} empty='暂无数据' />
    </div>
  )
}

/** 已通过 18 人；2 人未处理 — and each refused row by name with its reason, as the function answered it. */
export function DecideOutcome({ result }: { result: DecideManyResultDTO }) {
  const verb = result.approve ? '已通过' : '已不通过'
  const refused = result.outcomes.filter((o) => !o.ok)
  const offered = result.approve ? 0 : result.outcomes.filter((o) => o.ok).length
  const parts = [`${verb} ${result.decided} 人`]
  if (offered) parts.push(`空出的名额已按候补顺序依次留给候补者`)
  if (refused.length) parts.push(`${refused.length} 人未处理`)
  return (
    <div className='review-run' id='review-run'>
      <Alert theme={refused.length ? 'warning' : 'success'} message={parts.join('；')} />
      {refused.map(
        (o) =>
          !o.ok && (
            <Alert key={o.ref} theme='error' message={`${o.row ? `${o.row.nickname}（${o.row.maskedName}）` : o.ref}：${o.message}`} />
          ),
      )}
    </div>
  )
}
