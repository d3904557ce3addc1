/** Page routes of the screening subpackage, in one place so links never drift. */
const ROOT = '/packages/screening/pages'

export const routes = {
  list: () => `${ROOT}/index/index`,
  programme: (id: string) => `${ROOT}/programme/index?id=${encodeURIComponent(id)}`,
  book: (id: string, reschedule = false) => `${ROOT}/book/index?id=${encodeURIComponent(id)}${reschedule ? '&mode=reschedule' : ''}`,
  booking: (id: string) => `${ROOT}/booking/index?id=${encodeURIComponent(id)}`,
  outbox: (all = false) => `${ROOT}/outbox/index${all ? '?all=1' : ''}`,
  desk: () => `${ROOT}/desk/index`,
  session: (id: string, title: string) => `${ROOT}/session/index?id=${encodeURIComponent(id)}&title=${encodeURIComponent(title)}`,
  admin: (programmeId?: string) => `${ROOT}/admin/index${programmeId ? `?id=${encodeURIComponent(programmeId)}` : ''}`,
}
