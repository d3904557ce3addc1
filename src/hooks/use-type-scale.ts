import { useEffect, useState } from 'react'
import { onTypeScale, readTypeScale, setElder, type TypeScale } from '~src/services/type-scale'

/** The type scale in force (phone setting and 长辈版), re-read when 长辈版 is switched on any page. */
export function useTypeScale(): TypeScale & { setElder: (on: boolean) => void } {
  const [scale, setScale] = useState<TypeScale>(readTypeScale)
  useEffect(() => onTypeScale(setScale), [])
  return { ...scale, setElder }
}
