/**
 * One roster record (issue 18): an officer views it (masked as her list is; in full only with a reason,
 * audited) and corrects it. The router's `auth` has already checked the record is in her subtree; a handle
 * that opens to nothing, or to a record gone since, is NOT_FOUND.
 */
import type { AuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { RosterDoc } from '../common/member-docs'
import { memberRef } from '../common/member-ref'
import { covers, type OfficerScope } from '../common/unions'
import type { CorrectRosterRequest, RosterRecordDTO } from '~types/member'
import { toRosterRow } from './member.dto'
import { openRecordId, sealRecordId } from './roster-record-id'
import type { RosterFields, RosterRepository } from './roster.repository'
import type { TreeNode } from './unions.rules'

interface Deps {
  clock: Clock
  roster: RosterRepository
  audit: AuditLog
  tree: () => Promise<TreeNode[]>
}

function recordDTO(doc: RosterDoc, revealed: boolean): RosterRecordDTO {
  const row = { ...toRosterRow(doc), id: sealRecordId(doc._id) }
  return {
    ...row,
    ...(revealed ? { name: doc.name, cardNo: doc.cardNo, phone: doc.phone } : {}),
    birthDate: revealed ? doc.birthDate : doc.birthDate.slice(0, 4),
    unionMoves: (doc.unionMoves ?? []).map((m) => ({ branch: m.branch, until: m.until })),
    importedAt: doc.importedAt,
    updatedAt: doc.updatedAt,
    revealed,
  }
}

export function createRosterRecordService({ clock, roster, audit, tree }: Deps) {
  async function load(id: string, scope: OfficerScope): Promise<RosterDoc> {
    const cardNo = openRecordId(id)
    const doc = cardNo ? await roster.get(cardNo) : null
    // `auth` checked the record's place before it ran; a record moved out of her subtree since is not hers either
    if (!doc || !covers(scope, doc.unionPath)) fail('NOT_FOUND', 'id')
    return doc
  }

  /** The record with her corrections; `unionId` places her in the tree (a union of the officer's subtree). */
  async function corrected(doc: RosterDoc, req: CorrectRosterRequest, scope: OfficerScope): Promise<RosterFields> {
    const { _id, boundOpenid: _b, importedAt: _i, updatedAt: _u, ...fields } = doc
    const out: RosterFields = { ...fields, cardNo: _id, tags: [...doc.tags] }
    if (req.name !== undefined) out.name = req.name
    if (req.phone !== undefined) out.phone = req.phone
    if (req.gender !== undefined) out.gender = req.gender
    if (req.tags !== undefined) out.tags = [...new Set(req.tags)]
    if (req.unionId !== undefined && req.unionId !== doc.unionId) {
      const union = (await tree()).find((u) => u._id === req.unionId)
      if (!union || !covers(scope, union.path)) fail('NOT_FOUND', 'unionId')
      Object.assign(out, { unionId: union._id, unionPath: [...union.path], branch: union.name })
    }
    return out
  }

  return {
    async rosterRecord(officer: string, scope: OfficerScope, id: string, reveal?: string): Promise<RosterRecordDTO> {
      const doc = await load(id, scope)
      const ref = memberRef(doc._id)
      await audit.record(
        reveal
          ? { actor: officer, action: 'member.revealRecord', target: ref, reason: reveal }
          : { actor: officer, action: 'member.rosterRecord', target: ref },
      )
      return recordDTO(doc, !!reveal)
    },

    /** Only the fields sent change; a changed union keeps her old place (`unionMoves`), as a re-import does. */
    async correctRoster(officer: string, scope: OfficerScope, req: CorrectRosterRequest): Promise<RosterRecordDTO> {
      const doc = await load(req.id, scope)
      const row = await corrected(doc, req, scope)
      const changes = (['name', 'phone', 'gender', 'branch', 'tags'] as const).filter((k) => String(row[k]) !== String(doc[k]))
      if (changes.length === 0) return recordDTO(doc, false)
      const now = Math.max(clock(), doc.updatedAt + 1)
      if (!(await roster.correct(doc, row, now))) fail('CONFLICT')
      await audit.record({
        actor: officer,
        action: 'member.correctRoster',
        target: memberRef(doc._id),
        fields: changes,
        ...(row.unionId !== doc.unionId ? { fromUnion: doc.unionId ?? null, toUnion: row.unionId } : {}),
      })
      return recordDTO((await roster.get(doc._id))!, false)
    },
  }
}
