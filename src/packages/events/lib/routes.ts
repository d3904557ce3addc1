/** Every page of the events subpackage, so links are typed once. */
const ROOT = '/packages/events/pages'

export const eventsRoutes = {
  list: () => `${ROOT}/index/index`,
  stampCard: (id: string) => `${ROOT}/stamp-card/index?id=${encodeURIComponent(id)}`,
  giftCode: (id: string, tierId: string) => `${ROOT}/gift-code/index?id=${encodeURIComponent(id)}&tier=${encodeURIComponent(tierId)}`,
  mine: () => `${ROOT}/mine/index`,
  checkin: (id: string) => `${ROOT}/checkin/index?id=${encodeURIComponent(id)}`,
  staff: () => `${ROOT}/staff/index`,
  giftDesk: (id: string) => `${ROOT}/gift-desk/index?id=${encodeURIComponent(id)}`,
  station: (id: string) => `${ROOT}/station/index?id=${encodeURIComponent(id)}`,
  officer: () => `${ROOT}/officer/index`,
  edit: (id?: string) => `${ROOT}/edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  boothCodes: (id: string) => `${ROOT}/booth-codes/index?id=${encodeURIComponent(id)}`,
  dashboard: (id: string) => `${ROOT}/dashboard/index?id=${encodeURIComponent(id)}`,
}
