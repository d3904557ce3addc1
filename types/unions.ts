/**
 * The union tree (各级工会): 市总工会 → 区总工会 → 基层工会. Every officer acts for one node and
 * everything below it; every event, programme, mixer, campaign and merchant is owned by one node
 * (its 主办), and every roster record points at the union its member belongs to.
 */
export type UnionLevel = 'city' | 'district' | 'grassroots'

export const UNION_LEVEL_LABEL: Record<UnionLevel, string> = {
  city: '市总工会',
  district: '区（县）总工会',
  grassroots: '基层工会',
}

/** The level a child of `parent` has (a city's direct units are grassroots too). */
export function childLevel(parent: UnionLevel, wantDistrict: boolean): UnionLevel | null {
  if (parent === 'city') return wantDistrict ? 'district' : 'grassroots'
  if (parent === 'district') return 'grassroots'
  return null
}

export interface UnionDTO {
  id: string
  name: string
  parentId: string | null
  level: UnionLevel
  /** Ancestors from the root down to this union itself. */
  path: string[]
}

/** Who runs a thing, as members and officers read it: 主办：秦淮区总工会. */
export interface OwnerDTO {
  unionId: string | null
  organiser: string
}

/** The officer's own node, as the client shows it (我的 → 工会干部 · 秦淮区总工会). */
export interface OfficerUnionDTO {
  unionId: string | null
  name: string
  level: UnionLevel
  /** true for the city (or a legacy officer without a node): sees and acts on everything. */
  all: boolean
}

// ---------- requests and responses of member's union actions ----------

export interface ListUnionsRes {
  /** Her node and everything below it, parents before children. */
  unions: (UnionDTO & { members: number; officers: number; canEdit: boolean })[]
  own: OfficerUnionDTO
}

export interface SaveUnionReq {
  /** Absent: a new union under `parentId`. */
  id?: string
  name: string
  parentId: string
  /** For a child of the city: a district federation (true) or a directly attached grassroots union. */
  district?: boolean
}

export interface MoveUnionReq {
  id: string
  parentId: string
}
