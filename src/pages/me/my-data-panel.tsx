import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MyDataExport } from '~types/member'
import { BigButton } from '~src/components/big-button'
import { ExportBox } from '~src/components/export-box'
import { useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { beijingDate } from '~src/utils/datetime'
import { csvOf, hasHealthResult, myDataRows, myDataSections, type Section } from './my-data-view'
import './index.css'

function SectionView({ section: s }: { section: Section }) {
  return (
    <View id={`my-data-${s.id}`} className='my-data__section'>
      <Text className='my-data__title'>{s.title}</Text>
      {s.entries.length === 0 && <Text className='muted'>{s.empty}</Text>}
      {s.entries.map((e, i) => (
        <View key={i} className='my-data__entry'>
          <Text className='my-data__heading'>{e.heading}</Text>
          {e.fields.map(([k, v]) => (
            <View key={k} className='row'>
              <Text className='row__label'>{k}</Text>
              <Text className='my-data__value'>{v}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  )
}

/** Her data on screen, health results hidden until she asks. */
function Sections({ data, onClose }: { data: MyDataExport; onClose: () => void }) {
  const [showHealth, setShowHealth] = useState(false)
  return (
    <View id='my-data-sections'>
      {myDataSections(data, { showHealth }).map((s) => (
        <SectionView key={s.id} section={s} />
      ))}
      {hasHealthResult(data) && (
        <BigButton id='my-data-health' variant='secondary' onClick={() => setShowHealth(!showHealth)}>
          {showHealth ? '隐藏筛查结果' : '显示筛查结果（仅本人可见）'}
        </BigButton>
      )}
      <BigButton id='my-data-close' variant='secondary' onClick={onClose}>
        收起我的数据
      </BigButton>
    </View>
  )
}

/** 导出我的数据: every record the app holds about her, readable on screen and as a file. */
export function MyDataPanel() {
  const [data, setData] = useState<MyDataExport | null>(null)
  const load = useAction(async () => {
    const d = await call('member', 'exportMyData', {}, { loadingText: '正在读取' })
    setData(d)
    return d
  })
  const file = async () => {
    const d = data ?? (await call('member', 'exportMyData', {}, { loadingText: '正在导出' }))
    const rows = myDataRows(d)
    return { filename: `我的数据-${beijingDate(d.exportedAt)}.csv`, csv: csvOf(rows), rows: rows.length - 1 }
  }
  return (
    <View id='my-data'>
      {!data && (
        <BigButton id='me-export' variant='secondary' loading={load.busy} onClick={() => void load.run()}>
          查看我的数据
        </BigButton>
      )}
      {load.error && <Text className='error-text'>{load.error}</Text>}
      {data && <Sections data={data} onClose={() => setData(null)} />}
      <ExportBox id='me-download' label='下载我的数据（CSV 文件）' load={file} />
    </View>
  )
}
