/**
 * `local/max-function-lines`: ESLint's max-lines-per-function (blank and comment-only lines not
 * counted), with one exemption core ESLint cannot express: a factory closure. The house style builds
 * services as `createXService(deps) { ...; return { method() {...}, ... } }` and composition roots as
 * `perInstance((db, clock) => { ... })`; such a body is a list of small closures, and its length is
 * the number of things the service does, not the complexity of one of them. So:
 *
 * - a function named like `factoryNames` (default `^create[A-Z]`: a declaration, or a function
 *   assigned to a const or property of that name) is not measured as a whole;
 * - neither is a function passed straight to one of `factoryCallees` (default `perInstance`);
 * - every function INSIDE them (the returned object's methods, helpers) is measured as usual, and so
 *   is every other function, React components included. An outer function's count includes the
 *   functions nested in it, as the core rule does.
 *
 * Written in CommonJS so that eslint.config.mjs imports it and jest runs its test without a loader.
 */
'use strict'

const DEFAULTS = { max: 40, factoryNames: '^create[A-Z]', factoryCallees: ['perInstance'] }

/** The name a function goes by: its own, or that of the binding or property it is assigned to. */
function nameOf(node) {
  if (node.id && node.id.name) return node.id.name
  const p = node.parent
  if (!p) return null
  if (p.type === 'VariableDeclarator' && p.id.type === 'Identifier') return p.id.name
  if ((p.type === 'Property' || p.type === 'MethodDefinition' || p.type === 'PropertyDefinition') && !p.computed) {
    return p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : null
  }
  if (p.type === 'AssignmentExpression' && p.right === node) {
    const l = p.left
    if (l.type === 'Identifier') return l.name
    if (l.type === 'MemberExpression' && !l.computed && l.property.type === 'Identifier') return l.property.name
  }
  return null
}

/** `perInstance(fn)` or `x.perInstance(fn)`: the callee's name when `node` is one of its arguments. */
function calleeOf(node) {
  const p = node.parent
  if (!p || p.type !== 'CallExpression' || !p.arguments.includes(node)) return null
  const c = p.callee
  if (c.type === 'Identifier') return c.name
  if (c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier') return c.property.name
  return null
}

/** The lines of a file that hold no code: blank, or nothing but (parts of) comments. */
function emptyLines(sourceCode) {
  const covered = sourceCode.lines.map((text) => text.split('').map((ch) => /\s/.test(ch)))
  for (const c of sourceCode.getAllComments()) {
    for (let l = c.loc.start.line; l <= c.loc.end.line; l++) {
      const from = l === c.loc.start.line ? c.loc.start.column : 0
      const to = l === c.loc.end.line ? c.loc.end.column : covered[l - 1].length
      for (let col = from; col < to; col++) covered[l - 1][col] = true
    }
  }
  const empty = new Set()
  covered.forEach((cols, i) => cols.every(Boolean) && empty.add(i + 1))
  return empty
}

function codeLines(start, end, empty) {
  let n = 0
  for (let line = start; line <= end; line++) if (!empty.has(line)) n++
  return n
}

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'suggestion',
    docs: { description: 'Limit the code lines of a function, factory closures (createX, perInstance callbacks) exempt' },
    schema: [
      {
        type: 'object',
        properties: {
          max: { type: 'integer', minimum: 1 },
          factoryNames: { type: 'string' },
          factoryCallees: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      tooLong: '{{what}} has too many lines ({{lines}}). Maximum allowed is {{max}}: split it (factory closures named create* are exempt).',
    },
  },
  create(context) {
    const opts = { ...DEFAULTS, ...(context.options[0] || {}) }
    const factory = new RegExp(opts.factoryNames)
    const sourceCode = context.sourceCode
    let empty = null

    function check(node) {
      const name = nameOf(node)
      if (name && factory.test(name)) return
      const callee = calleeOf(node)
      if (callee && opts.factoryCallees.includes(callee)) return
      empty = empty || emptyLines(sourceCode)
      const lines = codeLines(node.loc.start.line, node.loc.end.line, empty)
      if (lines <= opts.max) return
      const what = name ? `Function '${name}'` : callee ? `Function passed to ${callee}()` : 'Anonymous function'
      context.report({ node, loc: node.loc.start, messageId: 'tooLong', data: { what, lines: String(lines), max: String(opts.max) } })
    }

    return { FunctionDeclaration: check, FunctionExpression: check, ArrowFunctionExpression: check }
  },
}
