import { decodeScene, parseAppCode } from './app-code'

const STAMP = 'packages/events/pages/stamp-card/index'

test("weapp scanCode's res.path: the page and its decoded scene", () => {
  expect(parseAppCode(`${STAMP}?scene=Bk3a%7Ebc.1x`)).toEqual({ page: STAMP, scene: 'Bk3a~bc.1x' })
  expect(parseAppCode(`/${STAMP}?scene=Bk3abc.1x`)).toEqual({ page: STAMP, scene: 'Bk3abc.1x' })
  expect(parseAppCode('pages/staff/index?x=1&scene=ABCD2345')).toEqual({ page: 'pages/staff/index', scene: 'ABCD2345' })
  // Android hands the scene over undecoded, iOS encoded (WeChat community, wx.scanCode path): both read the same.
  expect(parseAppCode('pages/staff/index?scene=c=ABCD2345')).toEqual({ page: 'pages/staff/index', scene: 'c=ABCD2345' })
  expect(parseAppCode('pages/staff/index?scene=c%3DABCD2345')).toEqual({ page: 'pages/staff/index', scene: 'c=ABCD2345' })
})

test("the local WeChat's QR stand-in: the app URL, the hash route, the scene", () => {
  expect(parseAppCode(`http://127.0.0.1:10086/#/${STAMP}?scene=Bk3a%7Ebc.1x`)).toEqual({ page: STAMP, scene: 'Bk3a~bc.1x' })
  expect(parseAppCode(` https://union.example/app/index.html#/pages/staff/index?scene=ABCD2345\n`)).toEqual({
    page: 'pages/staff/index',
    scene: 'ABCD2345',
  })
})

test('anything that is not a code of this app is not one', () => {
  expect(parseAppCode('Bk3abc.1xyzXYZ012345')).toBeNull() // a bare printed token
  expect(parseAppCode('pages/elsewhere/index?scene=ABC')).toBeNull() // not a page of the app
  expect(parseAppCode(`${STAMP}?id=ev1`)).toBeNull() // no scene
  expect(parseAppCode(`${STAMP}?scene=`)).toBeNull()
  expect(parseAppCode(`${STAMP}?noscene=ABC`)).toBeNull()
  expect(parseAppCode('')).toBeNull()
  expect(parseAppCode(undefined)).toBeNull()
  expect(parseAppCode('https://example.com/pages/staff/index?scene=ABC')).toBeNull() // a web link, not the app's hash route
})

test('a scene that is not valid URL encoding is kept as it came', () => {
  expect(decodeScene('%E0%A4%A')).toBe('%E0%A4%A')
  expect(decodeScene(undefined)).toBe('')
})
