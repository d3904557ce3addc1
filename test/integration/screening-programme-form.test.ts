/**
 * The officer's programme form produces requests the real `createProgramme`
 * accepts: the converter's output for a typical form goes through `invoke`,
 * and the generated sessions and places appear for members.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { UserDoc } from '../../cloudfunctions/common/member-docs'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { emptyForm, toRequest, type ProgrammeForm } from '~src/packages/screening/lib/programme-form'
import { formKeyOf, serverFieldError } from '~src/packages/screening/lib/programme-form-errors'
import type { CreateProgrammeRequest, ProgrammeDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { seedMembers } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 30) // 2027-03-08 10:30 Beijing, after the form's release time
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => T0 })

const officer: UserDoc = {
  _id: 'officer-1',
  rosterId: null,
  verifiedAt: null,
  roles: [{ role: 'officer' }],
  deletionRequestedAt: null,
  createdAt: 0,
  updatedAt: 0,
}

function typicalForm(): ProgrammeForm {
  return {
    ...emptyForm(T0, 'it01'),
    name: '三八女职工两癌筛查',
    description: '免费宫颈癌、乳腺癌筛查，早晚场次方便骑手。',
    noticeVersion: '2027-03',
    noticeText: '仅用于本次筛查的预约、签到与结果通知。',
    ageMin: '30',
    ageMax: '60',
    tags: ['新就业形态'],
    branches: '美团外卖骑手联合工会，家政服务业工会',
    priorityOn: true,
    priorityAgeMin: '30',
    priorityAgeMax: '60',
    priorityYears: '2',
    priorityWindow: '0',
    totalQuota: '60',
    quotas: [
      { branch: '美团外卖骑手联合工会', quota: '40' },
      { branch: '家政服务业工会', quota: '20' },
    ],
    siteId: 'site-form-test',
    siteName: '妇女保健科',
    siteHospital: '南京市妇幼保健院',
    siteAddress: '南京市秦淮区天妃巷123号',
    sitePhone: '025-52226000',
    fromDate: '2027-03-09',
    toDate: '2027-03-11',
    slots: [
      { start: '07:00', end: '09:00', capacity: '12' },
      { start: '18:00', end: '20:00', capacity: '8' },
    ],
    releaseAt: '2027-03-08 10:00',
    closesAt: '2027-03-11 20:00',
    cancelHours: '2',
    tolerance: '30',
  }
}

function requestOf(form: ProgrammeForm): CreateProgrammeRequest {
  const r = toRequest(form)
  if (!r.ok) throw new Error(`form refused: ${JSON.stringify(r.errors)}`)
  return r.request
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await emu.db.collection(COLLECTIONS.users).add(officer)
  await seedMembers(emu.db, [{ openid: 'rider', branch: '美团外卖骑手联合工会' }])
})
afterAll(() => emu.stop())

describe('programme form → createProgramme', () => {
  it('creates the programme with the generated sessions, places and quotas', async () => {
    const req = requestOf(typicalForm())
    const p = okData(await invoke<ProgrammeDTO>(main, 'officer-1', 'createProgramme', req))
    expect(p).toMatchObject({ id: req.id, totalQuota: 60, placesLeft: 60, firstDay: '2027-03-09', lastDay: '2027-03-11', status: 'open' })
    expect(p.branchQuotas.map((q) => [q.branch, q.quota])).toEqual([
      ['美团外卖骑手联合工会', 40],
      ['家政服务业工会', 20],
    ])

    const sessions = okData(await invoke<SessionDTO[]>(main, 'rider', 'listSessions', { programmeId: req.id, siteId: 'site-form-test' }))
    expect(sessions).toHaveLength(6)
    expect(sessions.reduce((n, s) => n + s.placesLeft, 0)).toBe(60)
    const first = sessions.find((s) => s.date === '2027-03-09' && s.label.startsWith('07:00'))
    expect(first).toMatchObject({ capacity: 12, placesLeft: 12, startAt: Date.UTC(2027, 2, 8, 23, 0) })

    const booked = await invoke(main, 'rider', 'book', { programmeId: req.id, sessionId: first!.id, consentVersion: '2027-03' })
    expect(booked.ok).toBe(true)
    const after = okData(
      await invoke<SessionDTO[]>(main, 'rider', 'listSessions', { programmeId: req.id, siteId: 'site-form-test', date: '2027-03-09' }),
    )
    expect(after.find((s) => s.id === first!.id)?.placesLeft).toBe(11)
  })

  it('shows a taken id under the id field', async () => {
    const res = await invoke(main, 'officer-1', 'createProgramme', requestOf(typicalForm()))
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT', field: 'id' })
    if (!res.ok) expect(serverFieldError(res.code, res.field, res.message)).toEqual({ key: 'id', message: '该编号已被使用，请换一个' })
  })

  it('maps a server INVALID_ARGUMENT to the matching form field and creates nothing', async () => {
    const req = { ...requestOf({ ...typicalForm(), id: 'form-bad-phone' }), sites: [{ ...requestOf(typicalForm()).sites[0], phone: 'x' }] }
    const res = await invoke(main, 'officer-1', 'createProgramme', req)
    expect(res).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' })
    if (!res.ok) expect(formKeyOf(res.field)).toBe('sitePhone')
    expect(await invoke(main, 'rider', 'getProgramme', { programmeId: 'form-bad-phone' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('refuses a member who is not an officer', async () => {
    const res = await invoke(main, 'rider', 'createProgramme', requestOf({ ...typicalForm(), id: 'form-by-member' }))
    expect(res).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
