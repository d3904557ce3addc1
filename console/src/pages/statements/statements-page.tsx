import { useState } from 'react'
import { Alert, Button, Card, Empty, Select, Space } from 'tdesign-react'
import type { Period } from '~types/vouchers'
import { call } from '../../api'
import { useRemote } from '../../use-remote'
import { PeriodPicker, today } from '../vouchers/period-picker'
import { StatementView } from '../vouchers/statement-view'
import { StatementActions } from './statement-actions'
import '../vouchers/vouchers.css'

/** 对账单 for a merchant manager: her merchant's statement for a period; she confirms it or disputes it. */
export default function StatementsPage() {
  const mine = useRemote(() => call('vouchers', 'myMerchants', {}))
  const managed = (mine.data ?? []).filter((m) => m.manager).map((m) => m.merchant)
  const [picked, setPicked] = useState('')
  const [period, setPeriod] = useState<Period>('day')
  const [date, setDate] = useState(today)
  const merchantId = picked || managed[0]?.id || ''
  const at = { merchantId, period, date }

  return (
    <>
      <h2 className='page-title'>对账单</h2>
      <Card bordered={false}>
        {mine.error && <Alert theme='error' message={mine.error} operation={<Button onClick={mine.reload}>重试</Button>} />}
        {mine.data && !managed.length && <Empty title='没有可对账的商户' description='只有商户负责人可以查看和确认对账单' />}
        {merchantId && (
          <Space className='panel-actions' align='center'>
            {managed.length > 1 && (
              <Select
                className='statement-merchant'
                value={merchantId}
                onChange={(v) => setPicked(String(v))}
                options={managed.map((m) => ({ value: m.id, label: m.name }))}
                style={{ width: 240 }}
              />
            )}
            <PeriodPicker
              period={period}
              date={date}
              onChange={(next) => {
                setPeriod(next.period)
                setDate(next.date)
              }}
            />
          </Space>
        )}
      </Card>
      {merchantId && (
        <StatementView
          key={`${merchantId}-${period}-${date}`}
          at={at}
          actions={(s, reload) => <StatementActions at={at} s={s} reload={reload} />}
        />
      )}
    </>
  )
}
