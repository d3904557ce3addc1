import { Text, View } from '@tarojs/components'
import './index.css'

export interface Choice {
  key: string
  title: string
  detail?: string
  /** Right-hand figure, e.g. "余 12". */
  badge?: string
  disabled?: boolean
}

interface Props {
  idPrefix: string
  choices: Choice[]
  selected?: string
  onSelect: (key: string) => void
  /** Extra class on every option (tests and styles find them by it, e.g. `session-option`). */
  itemClass?: string
  /** When set, the badge gets the id `<badgeIdPrefix>-<key>` (e.g. `places-left-<sessionId>`). */
  badgeIdPrefix?: string
}

/** A column of big tappable options (site, day, session): one tap selects, a full one stays visible but greyed. */
export function ChoiceList({ idPrefix, choices, selected, onSelect, itemClass = '', badgeIdPrefix }: Props) {
  return (
    <View className='choice-list'>
      {choices.map((c) => (
        <View
          key={c.key}
          id={`${idPrefix}-${c.key}`}
          className={`choice ${itemClass} ${c.key === selected ? 'choice--selected' : ''} ${c.disabled ? 'choice--disabled' : ''}`}
          hoverClass={c.disabled ? 'none' : 'choice--pressed'}
          onClick={() => !c.disabled && onSelect(c.key)}
        >
          <View className='choice__main'>
            <Text className='choice__title'>{c.title}</Text>
            {c.detail && <Text className='choice__detail'>{c.detail}</Text>}
          </View>
          {c.badge && (
            <Text id={badgeIdPrefix ? `${badgeIdPrefix}-${c.key}` : undefined} className='choice__badge'>
              {c.badge}
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
