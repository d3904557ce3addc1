import { Text, View } from '@tarojs/components'
import { Field } from '~src/components/field'
import { SlotsEditor } from './slots-editor'
import type { SectionProps } from './types'

function SiteDetailFields({ form, set, errors }: SectionProps) {
  return (
    <>
      <Field
        id='pf-site-address'
        label='地址'
        maxlength={100}
        value={form.siteAddress}
        onInput={(v) => set('siteAddress', v)}
        error={errors.siteAddress}
      />
      <Field
        id='pf-site-phone'
        label='咨询电话'
        maxlength={20}
        placeholder='025-52226000'
        value={form.sitePhone}
        onInput={(v) => set('sitePhone', v)}
        error={errors.sitePhone}
      />
      <Field
        id='pf-site-bring'
        label='需携带（逗号分隔）'
        maxlength={600}
        value={form.whatToBring}
        onInput={(v) => set('whatToBring', v)}
        error={errors.whatToBring}
      />
    </>
  )
}

/** The one screening site of this form: where, how to reach it, what to bring, and its sessions. */
export function SiteSection(props: SectionProps) {
  const { form, set, errors } = props
  return (
    <View className='card'>
      <Text className='card__title'>筛查点与场次</Text>
      <Field
        id='pf-site-name'
        label='筛查点名称（科室）'
        maxlength={40}
        placeholder='妇女保健科'
        value={form.siteName}
        onInput={(v) => set('siteName', v)}
        error={errors.siteName}
      />
      <Field
        id='pf-site-hospital'
        label='医院'
        maxlength={60}
        placeholder='南京市妇幼保健院'
        value={form.siteHospital}
        onInput={(v) => set('siteHospital', v)}
        error={errors.siteHospital}
      />
      <SiteDetailFields {...props} />
      <Field
        id='pf-site-id'
        label='筛查点编号'
        maxlength={32}
        value={form.siteId}
        hint='填已有编号（如 site-fuyou）则沿用该点资料和工作人员'
        onInput={(v) => set('siteId', v)}
        error={errors.siteId}
      />
      <SlotsEditor {...props} />
    </View>
  )
}
