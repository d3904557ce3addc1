import { View } from '@tarojs/components'
import { BasicsSection } from './basics-section'
import { EligibilitySection } from './eligibility-section'
import { PrioritySection } from './priority-section'
import { QuotaSection } from './quota-section'
import { RulesSection } from './rules-section'
import { SiteSection } from './site-section'
import type { SectionProps } from './types'

/** Every section of the "新建筛查项目" form, top to bottom in the order an officer plans a round. */
export function ProgrammeFormFields(props: SectionProps) {
  return (
    <View className='programme-form'>
      <BasicsSection {...props} />
      <EligibilitySection {...props} />
      <PrioritySection {...props} />
      <SiteSection {...props} />
      <QuotaSection {...props} />
      <RulesSection {...props} />
    </View>
  )
}

export type { SectionProps } from './types'
