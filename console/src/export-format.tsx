import { Radio } from 'tdesign-react'
import { EXPORT_FORMATS, type ExportFormat } from './download-export'

/** Excel or CSV, for every export dialog alike. */
export function ExportFormatPicker({ value, onChange }: { value: ExportFormat; onChange(f: ExportFormat): void }) {
  return (
    <Radio.Group className='export-format' variant='default-filled' value={value} onChange={(v) => onChange(v as ExportFormat)}>
      {EXPORT_FORMATS.map((f) => (
        <Radio.Button key={f.value} value={f.value}>
          {f.label}
        </Radio.Button>
      ))}
    </Radio.Group>
  )
}
