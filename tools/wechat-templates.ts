/**
 * `npm run wechat:templates`: every notice kind of every function has a template in the one catalogue
 * (types/notice-templates.ts), and each template's sample values pass its keywords' rules (what WeChat refuses
 * with 47003). One line per kind; exits 1 on any error, so a kind whose sample breaks its template fails CI.
 */
import { NOTICE_KINDS, NOTICE_TEMPLATES, keywordType, templateDataError, type NoticeTemplate } from '~types/notice-templates'

export interface TemplateCheck {
  kind: string
  ok: boolean
  line: string
}

/** Why one template itself is wrong (a key of no known type, twice the same key), or null. */
function shapeError(t: NoticeTemplate): string | null {
  const bad = t.keywords.find((k) => keywordType(k.key) === null)
  if (bad) return `keyword ${bad.key} has no known type`
  if (new Set(t.keywords.map((k) => k.key)).size !== t.keywords.length) return 'a keyword key appears twice'
  if (t.keywords.length > 5) return 'more than 5 keywords'
  const extra = Object.keys(t.sample).find((k) => !t.keywords.some((w) => w.key === k))
  return extra ? `sample has ${extra}, which the template lacks` : null
}

/** One result per notice kind (and per template kind no function sends). */
export function checkTemplates(
  templates: readonly NoticeTemplate[] = NOTICE_TEMPLATES,
  kinds: Record<string, readonly string[]> = NOTICE_KINDS,
): TemplateCheck[] {
  const out: TemplateCheck[] = []
  for (const [fn, list] of Object.entries(kinds)) {
    for (const kind of list) {
      const found = templates.filter((t) => t.fn === fn && t.kinds.includes(kind))
      const t = found[0]
      const error = !t
        ? 'no template'
        : found.length > 1
          ? 'in more than one template'
          : (shapeError(t) ?? templateDataError(t, Object.fromEntries(Object.entries(t.sample).map(([k, value]) => [k, { value }]))))
      const head = `notice ${fn}.${kind} · template ${t?.title ?? '—'} (${t?.keywords.length ?? 0} keywords)`
      out.push({ kind: `${fn}.${kind}`, ok: !error, line: `${head}: ${error ?? 'ok'}` })
    }
  }
  for (const t of templates) {
    for (const kind of t.kinds.filter((k) => !kinds[t.fn]?.includes(k))) {
      out.push({ kind: `${t.fn}.${kind}`, ok: false, line: `notice ${t.fn}.${kind} · template ${t.title}: no function sends this kind` })
    }
  }
  return out
}

if (require.main === module) {
  const results = checkTemplates()
  for (const r of results) console.log(r.line)
  process.exit(results.every((r) => r.ok) ? 0 : 1)
}
