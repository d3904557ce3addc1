import { byWhenItHappens } from './invite-targets.repository'

const H = 3_600_000
const t = (id: string, startsAt?: number, endsAt?: number) => ({ kind: 'event' as const, id, name: id, detail: '', startsAt, endsAt })

test('the picker lists what is on now or next first, then what is over (latest first), never by name', () => {
  const now = 1000 * H
  const order = byWhenItHappens(
    [
      t('第 1 场', now - 300 * H, now - 298 * H),
      t('第 10 场', now + 48 * H, now + 50 * H),
      t('第 11 场', now - 30 * H, now - 28 * H),
      t('七夕（进行中）', now - H, now + 2 * H),
      t('第 2 场', now + 24 * H, now + 26 * H),
    ],
    now,
  ).map((x) => x.id)
  expect(order).toEqual(['七夕（进行中）', '第 2 场', '第 10 场', '第 11 场', '第 1 场'])
})

test('targets without a date keep their order, and the dates do not leak into what the client gets', () => {
  const out = byWhenItHappens([t('b'), t('a')], 0)
  expect(out.map((x) => x.id)).toEqual(['b', 'a'])
  expect(Object.keys(out[0]).sort()).toEqual(['detail', 'id', 'kind', 'name'])
})
