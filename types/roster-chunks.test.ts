import { splitRosterFile } from './roster-chunks'

const enc = (s: string) => new TextEncoder().encode(s)
const dec = (b: Uint8Array) => new TextDecoder().decode(b)

describe('roster file parts', () => {
  it('starts every part with the header and says where its rows begin in the file', () => {
    const file = '姓名,会员证号,所属工会\r\n张伟,GH1,甲\r\n\r\n李娜,GH2,乙\r\n"王\n芳",GH3,丙\r\n赵敏,GH4,丁'
    const parts = splitRosterFile(enc(file), 2)
    expect(parts.map((p) => [dec(p.bytes), p.firstLine, p.rows])).toEqual([
      ['姓名,会员证号,所属工会\r\n张伟,GH1,甲\r\n\r\n李娜,GH2,乙\r\n', 2, 2],
      ['姓名,会员证号,所属工会\r\n"王\n芳",GH3,丙\r\n赵敏,GH4,丁', 5, 2],
    ])
  })

  it('a header alone is one empty part', () => {
    expect(splitRosterFile(enc('姓名,会员证号,所属工会')).map((p) => [dec(p.bytes), p.rows])).toEqual([['姓名,会员证号,所属工会\n', 0]])
  })
})
