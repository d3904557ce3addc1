import { Text, View } from '@tarojs/components'
import type { ReportDTO } from '~types/matchmaking'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatDateTime } from '~src/utils/datetime'
import '~src/packages/matchmaking/styles.css'

const REASON: Record<string, string> = { harassment: '骚扰', not_single: '并非单身', fake_profile: '资料虚假', other: '其他' }
const BAR_DAYS = 180

type Decision = 'bar' | 'dismiss' | 'lift' | 'uphold'

async function decide(r: ReportDTO, what: Decision): Promise<void> {
  if (what === 'bar') {
    await call('matchmaking', 'barMember', {
      reportId: r.id,
      reason: `${REASON[r.reason]}（经核实）`,
      until: Date.now() + BAR_DAYS * 86_400_000,
    })
  } else if (what === 'dismiss') {
    await call('matchmaking', 'dismissReport', { reportId: r.id })
  } else {
    await call('matchmaking', 'decideAppeal', { reportId: r.id, lift: what === 'lift' })
  }
}

function Report({ r, onChange }: { r: ReportDTO; onChange: () => void }) {
  const act = useAction(async (what: Decision) => {
    await decide(r, what)
    onChange()
  })
  return (
    <View className='card'>
      <Text className='card__title'>
        {r.subject.badge ?? '—'}号 {r.subject.nickname}（{r.subject.maskedName}）
      </Text>
      <Text className='muted'>
        {r.mixerTitle} · {formatDateTime(r.at)} · {REASON[r.reason]}
      </Text>
      {r.note && <Text className='mx-text'>{r.note}</Text>}
      {r.status === 'open' && (
        <View>
          <BigButton variant='danger' loading={act.busy} onClick={() => void act.run('bar')}>
            暂停参加 {BAR_DAYS} 天
          </BigButton>
          <BigButton variant='secondary' onClick={() => void act.run('dismiss')}>
            不予处理
          </BigButton>
        </View>
      )}
      {r.bar && <Text className='mx-text mx-warn'>已暂停至 {formatDateTime(r.bar.until)}</Text>}
      {r.bar?.appeal && <Text className='mx-text'>申诉：{r.bar.appeal.text}</Text>}
      {r.bar?.appeal?.outcome === 'pending' && (
        <View>
          <BigButton onClick={() => void act.run('lift')}>申诉成立，解除暂停</BigButton>
          <BigButton variant='secondary' onClick={() => void act.run('uphold')}>
            维持暂停
          </BigButton>
        </View>
      )}
      {act.error && <Text className='error-text'>{act.error}</Text>}
    </View>
  )
}

/** Reports (the reporter is never shown), bars with an end date, and appeals. */
export default function ReportsPage() {
  const list = useRemote((silent) => call('matchmaking', 'listReports', {}, { silent }))
  return (
    <PageFrame className='matchmaking'>
      <RemoteView remote={list} isEmpty={(d) => d.length === 0} emptyText='暂无举报'>
        {(rows) => (
          <View>
            {rows.map((r) => (
              <Report key={r.id} r={r} onChange={() => void list.reload()} />
            ))}
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
