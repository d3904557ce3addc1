import { siteLabel, siteNoticeLabel } from './screening'

it('names the department with its hospital, once', () => {
  expect(siteLabel({ name: '妇女保健科', hospital: '南京市妇幼保健院' })).toBe('妇女保健科（南京市妇幼保健院）')
  expect(siteLabel({ name: '南京市妇幼保健院', hospital: '南京市妇幼保健院' })).toBe('南京市妇幼保健院')
  expect(siteLabel({ name: '南京市妇幼保健院妇女保健科', hospital: '南京市妇幼保健院' })).toBe('南京市妇幼保健院妇女保健科')
  expect(siteLabel({ name: '妇女保健科', hospital: '' })).toBe('妇女保健科')
})

it("a notice carries the whole label when it fits WeChat's 20 characters, else the hospital", () => {
  expect(siteNoticeLabel({ name: '妇女保健科', hospital: '南京市妇幼保健院' })).toBe('妇女保健科（南京市妇幼保健院）')
  expect(siteNoticeLabel({ name: '乳腺外科门诊（二楼东侧）', hospital: '江苏省妇幼保健院' })).toBe('江苏省妇幼保健院')
})
