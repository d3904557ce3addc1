import { emptyForm, plannedPlaces, toRequest, type ProgrammeForm } from './programme-form'
import { formKeyOf, serverFieldError } from './programme-form-errors'
import { parseBeijing } from '~src/utils/datetime'
import { daysBetween, normalClock, normalDate } from './programme-form-time'

const NOW = Date.UTC(2027, 0, 10, 2, 0) // 2027-01-10 10:00 Beijing

function typical(): ProgrammeForm {
  return {
    ...emptyForm(NOW, 'ab12'),
    name: '三八女职工两癌筛查',
    description: '免费宫颈癌、乳腺癌筛查',
    noticeText: '仅用于本次筛查。',
    noticeVersion: '2027-01',
    ageMin: '30',
    ageMax: '60',
    tags: ['新就业形态'],
    tagsOther: '家政， 新就业形态',
    branches: '美团外卖骑手联合工会,家政服务业工会',
    priorityOn: true,
    priorityAgeMin: '35',
    priorityAgeMax: '',
    priorityYears: '2',
    priorityWindow: '30',
    totalQuota: '60',
    quotas: [
      { branch: '家政服务业工会', quota: '20' },
      { branch: '', quota: '' },
    ],
    siteName: '妇女保健科',
    siteHospital: '南京市妇幼保健院',
    siteAddress: '天妃巷123号',
    sitePhone: '025-52226000',
    fromDate: '2027-3-9',
    toDate: '2027-03-11',
    slots: [
      { start: '7:00', end: '09:00', capacity: '12' },
      { start: '18:00', end: '20:00', capacity: '8' },
    ],
    releaseAt: '2027-03-08 10:00',
    closesAt: '2027-03-11 20:00',
  }
}

describe('programme form → CreateProgrammeRequest', () => {
  it('turns a typical form into the request the server expects', () => {
    const r = toRequest(typical())
    if (!r.ok) throw new Error(JSON.stringify(r.errors))
    const q = r.request
    expect(q.id).toBe('liangai-20270110-ab12')
    expect(q.eligibility).toEqual({
      gender: 'F',
      ageMin: 30,
      ageMax: 60,
      tagsAny: ['新就业形态', '家政'],
      branches: ['美团外卖骑手联合工会', '家政服务业工会'],
      notScreenedBefore: true,
    })
    expect(q.priority).toEqual({ ageMin: 35, ageMax: null, notScreenedWithinYears: 2, windowMinutes: 30 })
    expect(q.branchQuotas).toEqual([{ branch: '家政服务业工会', quota: 20 }])
    expect(q.releaseAt).toBe(Date.UTC(2027, 2, 8, 2, 0))
    expect(q.bookingClosesAt).toBe(Date.UTC(2027, 2, 11, 12, 0))
    expect(q.sites[0].sessions).toHaveLength(6)
    expect(q.sites[0].sessions[0]).toEqual({ date: '2027-03-09', start: '07:00', end: '09:00', capacity: 12 })
    expect(q.sites[0].sessions[5]).toEqual({ date: '2027-03-11', start: '18:00', end: '20:00', capacity: 8 })
    expect(q.sites[0].whatToBring).toEqual(['身份证', '工会会员卡或小程序会员码'])
    expect(q.sites[0]).toMatchObject({ name: '妇女保健科', hospital: '南京市妇幼保健院' }) // issue 19 defect 4: the hospital is its own field
    expect(q.totalQuota).toBe(60)
  })

  it('sends no priority and any gender when so chosen', () => {
    const r = toRequest({ ...typical(), priorityOn: false, priorityYears: 'x', gender: 'any', ageMin: '', ageMax: '' })
    expect(r.ok && r.request.priority).toBeNull()
    expect(r.ok && r.request.eligibility).toMatchObject({ gender: null, ageMin: null, ageMax: null })
  })

  it('names every field to fix with a Chinese message', () => {
    const r = toRequest(emptyForm(NOW, 'x1'))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(Object.keys(r.errors).sort()).toEqual(
      [
        'closesAt',
        'description',
        'fromDate',
        'name',
        'noticeText',
        'releaseAt',
        'siteAddress',
        'siteHospital',
        'siteName',
        'sitePhone',
        'slots',
        'toDate',
        'totalQuota',
      ].sort(),
    )
    expect(r.errors.name).toBe('请填写项目名称（60 字以内）')
  })

  it.each<[Partial<ProgrammeForm>, keyof ProgrammeForm, string]>([
    [{ totalQuota: '61' }, 'totalQuota', '总名额须等于各场次容量之和（按当前场次为 60）'],
    [{ ageMin: '60', ageMax: '30' }, 'ageMax', '最高年龄不能小于最低年龄'],
    [{ closesAt: '2027-03-08 10:00' }, 'closesAt', '预约截止须晚于放号时间'],
    [{ releaseAt: '2027-02-30 10:00' }, 'releaseAt', '请按 2027-03-08 10:00 的格式填写（北京时间）'],
    [{ toDate: '2027-03-01' }, 'toDate', '结束日期须在开始日期当天或之后，且不超过 92 天'],
    [{ slots: [{ start: '09:00', end: '07:00', capacity: '20' }] }, 'slots', '每个场次须填写开始和结束时间（如 07:00），结束晚于开始'],
    [
      {
        slots: [
          { start: '07:00', end: '09:00', capacity: '10' },
          { start: '07:00', end: '08:00', capacity: '10' },
        ],
      },
      'slots',
      '同一天的场次开始时间不能重复',
    ],
    [
      {
        quotas: [
          { branch: 'A', quota: '1' },
          { branch: 'A', quota: '2' },
        ],
      },
      'quotas',
      '同一工会只能填写一行',
    ],
    [{ quotas: [{ branch: 'A', quota: '' }] }, 'quotas', '每行请填写工会名称和 0–100000 的名额'],
    [{ id: 'Bad Id' }, 'id', '编号为 3–32 位小写字母、数字或“-”'],
    [{ sitePhone: '电话' }, 'sitePhone', '电话为 5–20 位数字或“-”'],
    [{ priorityYears: '11' }, 'priorityYears', '年数为 1–10 的整数，不限请留空'],
    [{ cancelHours: '-1' }, 'cancelHours', '请填写 0–720 的整数小时'],
  ])('refuses %j under %s', (patch, key, message) => {
    const r = toRequest({ ...typical(), ...patch })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[key]).toBe(message)
  })

  it('counts the planned places for the hint beside the total', () => {
    expect(plannedPlaces(typical())).toBe(60)
    expect(plannedPlaces({ ...typical(), toDate: '' })).toBe(0)
  })
})

describe('server refusals land under their field', () => {
  it('maps server field paths to form fields', () => {
    expect(formKeyOf('sites.0.phone')).toBe('sitePhone')
    expect(formKeyOf('sites')).toBe('slots')
    expect(formKeyOf('sites.0.sessions.3.capacity')).toBe('slots')
    expect(formKeyOf('eligibility.ageMax')).toBe('ageMax')
    expect(formKeyOf('privacyNotice.version')).toBe('noticeVersion')
    expect(formKeyOf('bookingClosesAt')).toBe('closesAt')
    expect(formKeyOf('branchQuotas.1.quota')).toBe('quotas')
    expect(formKeyOf(undefined)).toBeNull()
    expect(formKeyOf('mystery')).toBeNull()
  })
  it('says a taken id is taken', () => {
    expect(serverFieldError('CONFLICT', 'id', 'x')).toEqual({ key: 'id', message: '该编号已被使用，请换一个' })
    expect(serverFieldError('INVALID_ARGUMENT', 'totalQuota', 'x')).toEqual({ key: 'totalQuota', message: '总名额与各场次容量之和不一致' })
    expect(serverFieldError('FORBIDDEN', undefined, 'x')).toBeNull()
  })
})

describe('Beijing time helpers', () => {
  it('reads typed Beijing times and days', () => {
    expect(parseBeijing('2027-3-8 10:00')).toBe(Date.UTC(2027, 2, 8, 2, 0))
    expect(parseBeijing('2027-03-08 07:30')).toBe(Date.UTC(2027, 2, 7, 23, 30))
    expect(parseBeijing('2027-02-29 10:00')).toBeNull()
    expect(normalDate('2028-2-29')).toBe('2028-02-29')
    expect(normalDate('2027-02-29')).toBeNull()
    expect(normalClock('7:05')).toBe('07:05')
    expect(normalClock('24:00')).toBeNull()
    expect(daysBetween('2027-02-27', '2027-03-01')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01'])
  })
})
