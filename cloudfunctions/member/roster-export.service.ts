/**
 * Her subtree's roster as CSV (issue 18), with the list's filters: masked by default, in full only with a
 * typed reason (audited with every part, as screening's exportBookings does). In parts, so a city's roster
 * fits the function's time and reply size; the parts' CSV texts join as they are.
 */
import type { AuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { toCsv } from '../common/csv'
import { fail } from '../common/errors'
import { maskCardNo, maskName, maskPhone } from '../common/mask'
import type { RosterDoc } from '../common/member-docs'
import { memberRef } from '../common/member-ref'
import { type OfficerScope, ownedWhere } from '../common/unions'
import type { ExportRosterRequest, RosterExportDTO } from '~types/member'
import { openRecordId, sealRecordId } from './roster-record-id'
import type { RosterRepository } from './roster.repository'

/** One call's part of an export: a few reads of 1,000, well inside the function's time and reply size. */
const EXPORT_PART = 5000
const HEADER = ['会员编号', '姓名', '会员证号', '手机号', '性别', '出生日期', '所属工会', '标签', '小程序绑定']
const GENDER = { F: '女', M: '男', '': '' }

function exportRow(doc: RosterDoc, full: boolean): (string | number)[] {
  return [
    memberRef(doc._id),
    full ? doc.name : maskName(doc.name),
    full ? doc.cardNo : maskCardNo(doc.cardNo),
    full ? doc.phone : doc.phone && maskPhone(doc.phone),
    GENDER[doc.gender],
    full ? doc.birthDate : doc.birthDate.slice(0, 4),
    doc.branch,
    doc.tags.join('、'),
    doc.boundOpenid ? '已绑定' : '未绑定',
  ]
}

export function createRosterExportService({ clock, roster, audit }: { clock: Clock; roster: RosterRepository; audit: AuditLog }) {
  return {
    async exportRoster(officer: string, scope: OfficerScope, req: ExportRosterRequest): Promise<RosterExportDTO> {
      const full = req.full ?? false
      if (full && !req.reason) fail('INVALID_ARGUMENT', 'reason')
      const after = req.after ? openRecordId(req.after) : null
      if (req.after && after === null) fail('INVALID_ARGUMENT', 'after')
      const query = { q: req.q, branch: req.branch, tag: req.tag, ...ownedWhere(scope) }
      const [docs, total] = await Promise.all([roster.listFrom(query, after, EXPORT_PART + 1), roster.count(query)])
      const part = docs.slice(0, EXPORT_PART)
      const csv = toCsv(
        HEADER,
        part.map((d) => exportRow(d, full)),
      )
      await audit.record({
        actor: officer,
        action: full ? 'member.exportRosterFull' : 'member.exportRoster',
        target: 'roster',
        ...(full ? { reason: req.reason } : {}),
        query: JSON.stringify({ q: req.q, branch: req.branch, tag: req.tag }),
        rows: part.length,
      })
      return {
        // the first part is a whole file; later ones are its further lines, to be appended as they are
        csv: req.after ? csv.slice(csv.indexOf('\r\n') + 2) : csv,
        rows: part.length,
        total,
        masked: !full,
        next: docs.length > EXPORT_PART ? sealRecordId(part[part.length - 1]._id) : null,
        generatedAt: clock(),
      }
    },
  }
}
