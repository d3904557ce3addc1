import { Text, View } from '@tarojs/components'
import type { ReviewDTO, ReviewRowDTO } from '~types/matchmaking'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import '~src/packages/matchmaking/styles.css'

const STATUS: Record<string, string> = {
  review: '待审核',
  approved: '已通过',
  waiting: '候补',
  offered: '已发候补名额',
  rejected: '未通过',
}

function Balance({ r }: { r: ReviewDTO }) {
  const sum = (g: 'M' | 'F', k: 'review' | 'approved' | 'waiting') => r.balance.filter((b) => b.gender === g).reduce((n, b) => n + b[k], 0)
  return (
    <View id='balance' className='card'>
      <Text className='card__title'>男女与行业比例</Text>
      <View className='row'>
        <Text className='row__label'>男：通过 / 待审 / 候补</Text>
        <Text>
          {sum('M', 'approved')} / {sum('M', 'review')} / {sum('M', 'waiting')}（名额 {r.mixer.placesByGender.M}）
        </Text>
      </View>
      <View className='row'>
        <Text className='row__label'>女：通过 / 待审 / 候补</Text>
        <Text>
          {sum('F', 'approved')} / {sum('F', 'review')} / {sum('F', 'waiting')}（名额 {r.mixer.placesByGender.F}）
        </Text>
      </View>
      {r.balance
        .filter((b) => b.approved + b.review + b.waiting > 0)
        .map((b) => (
          <View key={`${b.gender}${b.sector}`} className='row'>
            <Text className='row__label'>
              {b.gender === 'M' ? '男' : '女'} · {b.sector}
            </Text>
            <Text>
              {b.approved} / {b.review} / {b.waiting}
            </Text>
          </View>
        ))}
    </View>
  )
}

function Row({ row, mixerId, onDone }: { row: ReviewRowDTO; mixerId: string; onDone: () => void }) {
  const act = useAction(async (approve: boolean) => {
    await call('matchmaking', 'decide', { mixerId, ref: row.ref, approve, ...(approve ? {} : { reason: '不符合本场活动要求' }) })
    onDone()
  })
  return (
    <View id={`row-${row.ref}`} className='mx-entry'>
      <View className='mx-entry__body'>
        <Text className='mx-text'>
          {row.nickname}（{row.maskedName}）· {row.gender === 'F' ? '女' : '男'} · {row.birthYear} · {row.sector}
        </Text>
        <Text className='muted'>
          {STATUS[row.status] ?? row.status}
          {row.position ? ` · 第 ${row.position} 位` : ''}
        </Text>
        {act.error && <Text className='error-text'>{act.error}</Text>}
        {row.status === 'review' && (
          <View className='mx-chips'>
            <BigButton id={`approve-${row.nickname}`} loading={act.busy} onClick={() => void act.run(true)}>
              通过
            </BigButton>
            <BigButton id={`reject-${row.nickname}`} variant='danger' onClick={() => void act.run(false)}>
              不通过
            </BigButton>
          </View>
        )}
      </View>
    </View>
  )
}

/** Review sign-ups with the gender and sector balance in view; the waiting list in order. */
export default function ReviewPage() {
  const { id = '' } = useParams()
  const review = useRemote((silent) => call('matchmaking', 'reviewList', { mixerId: id }, { silent }), [id])
  return (
    <PageFrame className='matchmaking'>
      <RemoteView remote={review}>
        {(r) => (
          <View>
            <Text className='mx-title'>{r.mixer.title}</Text>
            <Balance r={r} />
            <View className='card'>
              <Text className='card__title'>报名名单（{r.rows.length}）</Text>
              {r.rows.map((row) => (
                <Row key={row.ref} row={row} mixerId={id} onDone={() => void review.reload()} />
              ))}
            </View>
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
