/**
 * Mini-program codes through the WeChat port to the local WeChat: made once per (page, scene) and kept,
 * a scene WeChat would refuse is refused before any call, a WeChat refusal is WECHAT_UNAVAILABLE with
 * nothing kept; the booth, checkpoint and invite codes the functions hand out open their pages.
 */
import jsQR from 'jsqr'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { AppError } from '../../cloudfunctions/common/errors'
import { getWechat } from '../../cloudfunctions/common/wechat.cloud'
import { codeDocId, createCodes } from '../../cloudfunctions/common/wechat-codes'
import { createEventsFunction } from '../../cloudfunctions/events'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { codePage } from '~types/routes'
import type { AppCodeImage } from '~types/app-code'
import { seedOfficer } from '../support/accounts'
import { startTestEmulator, TEST_APP_URL, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, seedFair, seedMember, staffOf, T0 } from './events-fixtures'

// pngjs ships no type declarations: type the one call used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }

jest.setTimeout(30_000)

let emu: TestEmulator
let now = T0
const events = createEventsFunction({ clock: () => now })
const member = createMemberFunction({ clock: () => now })
const STAMP = codePage('eventsStampCard')
const CODE_CALLS = 'wxacode.getUnlimited' as const

/** The PNG inside a data URL, and the text its QR carries (a phone's scanner reading the print). */
function read(image: AppCodeImage): { png: Buffer; text: string } {
  const png = Buffer.from(image.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')
  const img = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)
  if (!found) throw new Error('no QR in the image')
  return { png, text: found.data }
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, field: e.field }),
  )

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedFair(emu.db, { id: 'qf' })
  await seedMember(emu.db, 'officer', '孙丽', [{ role: 'officer' }])
  await seedMember(emu.db, 'staff-qf', '刘洋', staffOf('qf'))
  await seedMember(emu.db, 'walker', '张建国')
  await seedOfficer(emu.db, 'o-other', now)
})
afterAll(() => emu.stop())

describe('the kit (common/wechat-codes.ts)', () => {
  const codes = () => createCodes({ db: emu.db, wechat: getWechat(), clock: () => now })

  test('a code is asked of WeChat once per page and scene; later views read the kept PNG', async () => {
    const before = emu.wechat.calls(CODE_CALLS)
    const first = await codes().image(STAMP, 'Bk1kit.0abcdefghijkl')
    const again = await codes().image(STAMP, 'Bk1kit.0abcdefghijkl')
    expect(emu.wechat.calls(CODE_CALLS) - before).toBe(1)
    expect(again).toEqual(first)
    expect(first.contentType).toBe('image/png')
    const { png, text } = read(first)
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    expect(text).toBe(`${TEST_APP_URL}/#/${STAMP}?scene=Bk1kit.0abcdefghijkl`)
    const kept = await emu.db.collection(COLLECTIONS.wxCodes).doc(codeDocId(STAMP, 'Bk1kit.0abcdefghijkl')).get()
    expect(kept.data).toHaveLength(1)
    // Another scene is another code.
    await codes().image(STAMP, 'Bk1kit.1abcdefghijkl')
    expect(emu.wechat.calls(CODE_CALLS) - before).toBe(2)
  })

  test('a scene WeChat would refuse is refused with INVALID_ARGUMENT(scene) before any call', async () => {
    const before = emu.wechat.calls(CODE_CALLS)
    expect(await refusal(codes().image(STAMP, 'x'.repeat(33)))).toEqual({ code: 'INVALID_ARGUMENT', field: 'scene' })
    expect(await refusal(codes().image(STAMP, '展位'))).toEqual({ code: 'INVALID_ARGUMENT', field: 'scene' })
    expect(await refusal(codes().image(STAMP, 'a b'))).toEqual({ code: 'INVALID_ARGUMENT', field: 'scene' })
    expect(await refusal(codes().image(STAMP, ''))).toEqual({ code: 'INVALID_ARGUMENT', field: 'scene' })
    expect(emu.wechat.calls(CODE_CALLS)).toBe(before)
    // 32 characters of the allowed set are fine.
    await codes().image(STAMP, "0aZ!#$&'()*+,/:;=?@-._~012345678")
  })

  test('WeChat busy: WECHAT_UNAVAILABLE and nothing kept; the next view makes the code', async () => {
    emu.wechat.failNext(CODE_CALLS, -1)
    expect(await refusal(codes().image(STAMP, 'busy1'))).toEqual({ code: 'WECHAT_UNAVAILABLE', field: undefined })
    expect((await emu.db.collection(COLLECTIONS.wxCodes).doc(codeDocId(STAMP, 'busy1')).get()).data).toHaveLength(0)
    expect(read(await codes().image(STAMP, 'busy1')).text).toContain('scene=busy1')
  })

  test('two first views at once keep one document, and both show a code of that scene', async () => {
    const both = await Promise.all([codes().image(STAMP, 'race1'), codes().image(STAMP, 'race1')])
    for (const image of both) expect(read(image).text).toBe(`${TEST_APP_URL}/#/${STAMP}?scene=race1`)
    expect((await emu.db.collection(COLLECTIONS.wxCodes).where({ scene: 'race1' }).get()).data).toHaveLength(1)
  })
})

describe('the codes the functions hand out', () => {
  test('a booth code opens the stamp page with the booth token, made once; a reissue makes a new one', async () => {
    const { codes } = okData(await invoke(events, 'officer', 'boothCodes', { eventId: 'qf' }))
    const booth = codes[0] as { boothId: string; code: string }
    const before = emu.wechat.calls(CODE_CALLS)
    const image = okData(await invoke<AppCodeImage>(events, 'officer', 'boothCodeImage', { eventId: 'qf', boothId: booth.boothId }))
    okData(await invoke(events, 'officer', 'boothCodeImage', { eventId: 'qf', boothId: booth.boothId }))
    expect(emu.wechat.calls(CODE_CALLS) - before).toBe(1)
    const text = read(image).text
    expect(text).toBe(`${TEST_APP_URL}/#/${STAMP}?scene=${encodeURIComponent(booth.code)}`)
    // Her phone's scanner opens the stamp page with that scene: the page stamps it.
    const scene = decodeURIComponent(new URL(text.replace('/#/', '/')).searchParams.get('scene')!)
    expect(okData(await invoke(events, 'walker', 'stamp', { code: scene })).card.total).toBe(1)
    // Officers only; a booth of another event is not found.
    for (const who of ['staff-qf', 'walker']) {
      expect(await invoke(events, who, 'boothCodeImage', { eventId: 'qf', boothId: booth.boothId })).toMatchObject({ code: 'FORBIDDEN' })
    }
    expect(await invoke(events, 'officer', 'boothCodeImage', { eventId: 'qf', boothId: 'nope' })).toMatchObject({ code: 'NOT_FOUND' })
    const next = okData(await invoke(events, 'officer', 'reissueBoothCode', { eventId: 'qf', boothId: booth.boothId }))
    const fresh = okData(await invoke<AppCodeImage>(events, 'officer', 'boothCodeImage', { eventId: 'qf', boothId: booth.boothId }))
    expect(read(fresh).text).toContain(`scene=${encodeURIComponent(next.code)}`)
    expect(emu.wechat.calls(CODE_CALLS) - before).toBe(2)
  })

  test('a checkpoint poster opens the check-in page and checks her in until the checkpoint closes', async () => {
    now = T0
    const poster = okData(await invoke(events, 'staff-qf', 'checkpointPoster', { eventId: 'qf', checkpointId: 'qfS' }))
    expect(poster.code.length).toBeLessThanOrEqual(32)
    expect(read(poster.image).text).toBe(`${TEST_APP_URL}/#/${codePage('eventsCheckin')}?scene=${encodeURIComponent(poster.code)}`)
    expect(okData(await invoke(events, 'walker', 'selfCheckIn', { token: poster.code }))).toMatchObject({
      status: 'checked-in',
      checkpoint: { id: 'qfS' },
    })
    expect(okData(await invoke(events, 'walker', 'selfCheckIn', { token: poster.code })).status).toBe('already')
    now = T0 + 2 * HOUR + 60_000 // the start closed: its poster with it
    expect(await invoke(events, 'walker', 'selfCheckIn', { token: poster.code })).toMatchObject({ code: 'TOKEN_EXPIRED' })
    // A booth code is no checkpoint code; members cannot print posters.
    const { codes } = okData(await invoke(events, 'officer', 'boothCodes', { eventId: 'qf' }))
    expect(await invoke(events, 'walker', 'selfCheckIn', { token: codes[1].code })).toMatchObject({ code: 'TOKEN_WRONG_PURPOSE' })
    expect(await invoke(events, 'walker', 'checkpointPoster', { eventId: 'qf', checkpointId: 'qfS' })).toMatchObject({ code: 'FORBIDDEN' })
    now = T0
  })

  test('an invite code opens the redeem page with the code, for its maker only, while it can be used, and is never kept', async () => {
    await emu.db
      .collection(COLLECTIONS.events)
      .add({ _id: 'fair-inv', title: '开放日', venue: { name: '', address: '', city: '' }, startsAt: now, endsAt: now + HOUR })
    const invite = okData(await invoke(member, 'officer', 'createInvite', { scope: { kind: 'event', id: 'fair-inv' } }))
    const code = (invite.code as string).replace('-', '')
    const image = okData(await invoke<AppCodeImage>(member, 'officer', 'inviteCodeImage', { code: invite.code }))
    expect(read(image).text).toBe(`${TEST_APP_URL}/#/${codePage('staff')}?scene=${code}`)
    // The code is stored only as a hash: its image, which carries it, is never kept.
    expect(
      (
        await emu.db
          .collection(COLLECTIONS.wxCodes)
          .doc(codeDocId(codePage('staff'), code))
          .get()
      ).data,
    ).toHaveLength(0)
    expect(await invoke(member, 'o-other', 'inviteCodeImage', { code })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await invoke(member, 'walker', 'inviteCodeImage', { code })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await invoke(member, 'officer', 'inviteCodeImage', { code: 'not a code' })).toMatchObject({ code: 'INVALID_ARGUMENT' })
    okData(await invoke(member, 'walker', 'redeemInvite', { code }))
    expect(await invoke(member, 'officer', 'inviteCodeImage', { code })).toMatchObject({ code: 'INVITE_USED' })
  })
})
