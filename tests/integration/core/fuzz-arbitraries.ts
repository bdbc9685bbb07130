import fc from 'fast-check'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { z } from 'zod'
import { EARLIEST_TIME, LATEST_TIME } from '../../../src/shared/contract'

/**
 * fast-check arbitraries drawn from a channel's zod input schema (zod 4's `_zod.def`), for the fuzz test:
 * (a) values of the right shape with hostile content — tame ones that pass the schema (lone surrogates,
 * SQL and FTS syntax, markup, far dates the contract allows, real ids of the wrong kind) so the handler and
 * the database see them, and hostile ones (NUL and other controls, 100k characters, extreme numbers, dates
 * like 0000-01-01 or 9999-12-31, values past every bound); (b) the same with one part of the wrong type, a
 * key missing or an unknown key; (c) any JSON or any value at all. A zod type this file does not know is an
 * error (`NoGenerator`), so a new kind of field in the contract cannot go unfuzzed.
 */

// ---------------------------------------------------------------------------------------------------------
// What zod 4 keeps about a schema (only the parts read here).

interface CheckDef {
  check: string
  format?: string
  pattern?: RegExp
  minimum?: number
  maximum?: number
  value?: number
  inclusive?: boolean
  params?: { reason?: string }
}
interface Def {
  type: string
  shape?: Record<string, Schema>
  innerType?: Schema
  element?: Schema
  options?: Schema[]
  entries?: Record<string, string | number>
  values?: unknown[]
  in?: Schema
  out?: Schema
  format?: string
  checks?: { _zod: { def: CheckDef } }[]
}
interface Schema {
  _zod: { def: Def }
}

export class NoGenerator extends Error {
  constructor(where: string, type: string) {
    super(`No fuzz generator for the zod type "${type}" at ${where}; teach tests/integration/core/fuzz-arbitraries.ts about it`)
    this.name = 'NoGenerator'
  }
}

export const ID_KINDS = ['person', 'theme', 'session', 'segment', 'turn', 'remark', 'decision', 'photo'] as const
export type IdKind = (typeof ID_KINDS)[number]

/**
 * Values taken from the seeded archive, so ids are real (of every kind) and files are real files. The lists
 * are read when a value is drawn, so ids a sequence of calls creates can be added to them as it runs.
 */
export interface Pools {
  /** Real ids by kind: people (active and archived), themes, sessions in each status, segments, turns, remarks, decisions. */
  ids: Record<IdKind, string[]>
  /** Backups that exist in the archive's folder. */
  backupNames: string[]
  /** Paths exports saved in this run (minutes:export, people:export through the fake save dialog). */
  savedPaths: string[]
  /** Roster files (base64): CSV and .xlsx that parse, and ones that do not. */
  rosterFiles: string[]
  /** Image files (base64): JPEG and PNG that core takes, and ones it refuses (too many pixels, cut short). */
  photoFiles: string[]
}

/** Hints for fields whose meaning the schema does not say, by `channel.path` or by field name. */
type Hint = (pools: Pools) => fc.Arbitrary<unknown>

// ---------------------------------------------------------------------------------------------------------
// Hostile content

export const HUGE = 100_000

const cjk = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code)), maxLength: 12 })
/** UTF-16 code units of any value, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 12 })

/** Text that passes the contract's checks (no control characters, short) yet is unusual. */
const ODD_TEXT = [
  '郑家镇',
  '示例场次 · 思想圆桌派',
  '任肖彤',
  '王',
  'Ａｌｉｃｅ（全角）',
  '𠮷野家',
  '😀👨‍👩‍👧‍👦',
  'e\u0301',
  '\uD800',
  'x\uDC00y',
  '\uDBFF\uDBFF',
  '\uFEFF',
  '\u200B',
  '\u202Egnp.exe',
  '\u2028\u2029',
  '\u00A0',
  '\u3000全角空格\u3000',
  ' 前后空格 ',
  "'; DROP TABLE people; --",
  '" OR 1=1 --',
  "Robert'); --",
  '%',
  '_',
  '\\',
  '"',
  "'",
  '`',
  'NEAR(a b)',
  '"unterminated',
  '*',
  'a*',
  'a OR',
  'OR',
  'AND',
  'NOT',
  '-',
  '^',
  '(',
  ')',
  ':',
  'col:x',
  'text:圆桌',
  '{a b}',
  '+',
  '<script>alert(1)</script>',
  '<w:t>x</w:t>',
  ']]>',
  '&amp;',
  '../../etc/passwd',
  'C:\\Windows\\system32',
  '/dev/null',
  '=HYPERLINK("http://x")',
  '@SUM(1+1)',
  '+1-2',
  '%s%n%d',
  '${process.exit()}',
  '{{t}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '0',
  '-1',
  '1e309',
  'true',
  '[]',
  '{}',
  'ﷺ',
  '\u0645\u0631\u062d\u0628\u0627',
  '#'
]
/** Fine in prose (remarks, notes), refused in a line of text. */
const MULTILINE_TEXT = ['# 标题\n- 列表', '第一行\n第二行', '\t缩进', '\r\n', '\n', '  \n  ']

/** Text the contract must refuse (control characters) or that is far too long. */
const BAD_TEXT = [
  '\u0000',
  'a\u0000b',
  '\u0001',
  '\u0007',
  '\b',
  '\u000b',
  '\f',
  '\u001b[31m红\u001b[0m',
  '\u007f',
  'line\nbreak',
  '\t',
  '\r'
]

const HUGE_TEXT = ['a'.repeat(HUGE), '郑'.repeat(HUGE), '\u0000'.repeat(HUGE), '\uD800'.repeat(HUGE), ' '.repeat(HUGE), '😀'.repeat(HUGE / 2), `${'x'.repeat(HUGE - 1)}\n`]

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 3, arbitrary: cjk },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: codeUnits }
)

/** Mostly text a person could type, some of it odd; `fits` keeps it within `max` characters. */
const fittingText = (min: number, max: number): fc.Arbitrary<string> =>
  fc
    .array(piece, { minLength: 1, maxLength: 3 })
    .map((parts) => parts.join(''))
    .map((text) => (text.length > max ? text.slice(0, max) : text))
    .map((text) => (text.trim().length < min ? `${text}圆桌`.slice(-Math.max(max, 2)) : text))

/** At, just past, and (with spaces that trimming removes) seemingly past the limit; a surrogate pair cut at it. */
const boundaryText = (max: number): fc.Arbitrary<string> =>
  fc.constantFrom(
    '郑'.repeat(max),
    '郑'.repeat(max + 1),
    `  ${'x'.repeat(max)}  `,
    `${'a'.repeat(Math.max(max - 1, 0))}😀`,
    '😀'.repeat(Math.ceil(max / 2) + 1)
  )

export const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...MULTILINE_TEXT) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_TEXT) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_TEXT) },
  { weight: 2, arbitrary: fc.array(fc.oneof(piece, fc.constantFrom(...BAD_TEXT)), { maxLength: 4 }).map((parts) => parts.join('')) }
)

/** Numbers that are not NaN or ±Infinity, but every other kind of extreme. */
export const EXTREME_NUMBERS = [
  0,
  -0,
  1,
  -1,
  0.5,
  -0.5,
  1.5,
  0.1 + 0.2,
  Number.EPSILON,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 32,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  -1e21,
  1e-7,
  8.64e15,
  -8.64e15,
  8.64e15 + 1
]

const isoDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`)
/** Far dates as times (ms), and the edges of what the contract allows. */
export const FAR_TIMES = [
  isoDay('1900-01-01'),
  isoDay('2100-12-31'),
  isoDay('9999-12-31'),
  Date.parse('0000-01-01T00:00:00Z'),
  Date.parse('-271821-04-20T00:00:00Z'),
  Date.parse('+275760-09-13T00:00:00Z'),
  0,
  -1,
  EARLIEST_TIME,
  EARLIEST_TIME - 1,
  LATEST_TIME,
  LATEST_TIME - 1,
  LATEST_TIME + 1,
  Date.parse('2099-12-31T23:59:59+08:00'),
  Date.parse('2000-01-01T00:00:00+08:00')
]
/** Near the seeded sessions (2025-08-21 in China), so ranges and calendars find something. */
const NEAR_TIMES = fc.integer({ min: Date.parse('2025-08-01T00:00:00+08:00'), max: Date.parse('2025-09-30T00:00:00+08:00') })

export const FAR_DATES = [
  '1900-01-01',
  '2100-12-31',
  '9999-12-31',
  '0000-01-01',
  '2000-01-01',
  '1999-12-31',
  '2099-12-31',
  '2100-01-01',
  '2024-02-29',
  '2025-02-29',
  '2025-02-30',
  '2025-13-01',
  '2025-00-10',
  '2025-8-1',
  '20250821',
  '2025-08-21T00:00:00Z',
  '2025-08-21 ',
  '+002025-08-21',
  '-000001-01-01',
  '２０２５-０８-２１',
  '2025/08/21',
  ''
]

const tameDateText = fc.oneof(
  fc.constantFrom('2000-01-01', '2099-12-31', '2024-02-29', '2025-08-21'),
  fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map(dayOf)
)
const dateText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FAR_DATES) },
  { weight: 4, arbitrary: tameDateText },
  { weight: 1, arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map(dayOf) }
)
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** What kind of id a field holds, by its name (and, for a bare `id`, by the channel's domain). */
export function idKindOf(channel: string, field: string | undefined): IdKind | null {
  if (field === undefined) return null
  if (/person|speaker|host|recorder|lecturer|owner/i.test(field)) return 'person'
  if (/^session/.test(field)) return 'session'
  if (/^theme/.test(field)) return 'theme'
  if (/^segment/.test(field)) return 'segment'
  if (/^turn/.test(field)) return 'turn'
  if (field !== 'id') return null
  const domain = channel.split(':')[0]
  const kinds: Record<string, IdKind> = { people: 'person', themes: 'theme', sessions: 'session', remarks: 'remark', decisions: 'decision', photos: 'photo' }
  return kinds[domain!] ?? null
}

/** One of `list` as it is when the value is drawn (pools grow while a sequence of calls runs). */
const oneOfNow = (list: () => string[]): fc.Arbitrary<string> => fc.nat().map((index) => {
  const now = list()
  return now[index % now.length]!
})

/**
 * Ids: mostly real ones of the kind the field asks for (so calls get past the lookups), often real ones of
 * another kind (a person id where a session id is expected), unknown ones, odd ones.
 */
const idArbitrary = (pools: Pools, kind: IdKind | null): fc.Arbitrary<string> => {
  const all = () => ID_KINDS.flatMap((k) => pools.ids[k])
  const own = () => (kind && pools.ids[kind].length > 0 ? pools.ids[kind] : all())
  return fc.oneof(
    { weight: 5, arbitrary: oneOfNow(own) },
    { weight: 3, arbitrary: oneOfNow(all) },
    { weight: 2, arbitrary: fc.uuid().map((id) => id.toLowerCase()) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '01890000-0000-7000-8000-000000000000'),
        oneOfNow(own).map((id) => id.toUpperCase()),
        oneOfNow(own).map((id) => ` ${id}`),
        oneOfNow(own).map((id) => `${id}\u0000`)
      )
    }
  )
}

const base64Of = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64')

/** Where the fuzz may write packs (packs:export takes any absolute path the page names). */
const FUZZ_PACKS = join(tmpdir(), 'roundtable-fuzz-packs')
const packFile = (pools: Pools) =>
  fc.oneof(
    { weight: 2, arbitrary: pools.savedPaths.length > 0 ? oneOfNow(() => pools.savedPaths) : fc.constant('/etc/passwd') },
    { weight: 1, arbitrary: fc.constantFrom('/etc/passwd', '/', join(FUZZ_PACKS, 'missing.roundtable-pack'), 'relative.roundtable-pack', '') },
    { weight: 1, arbitrary: hostileText }
  )

const HINTS: Record<string, Hint> = {
  contentBase64: (pools) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...pools.rosterFiles) },
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }).map(base64Of) },
      { weight: 2, arbitrary: hostileText.map((text) => Buffer.from(`姓名,性别,电话\n${text},男,${text}\n`, 'utf8').toString('base64')) },
      { weight: 1, arbitrary: fc.constantFrom('', '=', '====', '!!!!', 'not base64 at all', '\u0000', 'UEsDBA==', 'JVBERi0=', '0M8R4KGxGuE=') }
    ),
  'photos:add.contentBase64': (pools) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...pools.photoFiles) },
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }).map(base64Of) },
      { weight: 1, arbitrary: fc.constantFrom(...pools.rosterFiles) },
      { weight: 1, arbitrary: fc.constantFrom('', '=', '====', 'not base64 at all', '/9j/', 'iVBORw0KGgo=') }
    ),
  turnId: (pools) => fc.oneof({ weight: 5, arbitrary: idArbitrary(pools, 'turn') }, { weight: 1, arbitrary: hostileText }),
  'backups:restore.name': (pools) =>
    fc.oneof(
      { weight: 2, arbitrary: oneOfNow(() => pools.backupNames) },
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          'backup-20250821T063000123Z-manual.sqlite',
          'backup-99999999T999999999Z-manual.sqlite',
          '../roundtable.sqlite',
          'backups/../../roundtable.sqlite',
          `../backups/${pools.backupNames[0] ?? 'x'}`,
          'roundtable.sqlite',
          '.'
        )
      },
      { weight: 1, arbitrary: hostileText }
    ),
  // A pack is written only into the fuzz's own temporary folder (or refused: relative, a folder, a device),
  // and read from what the run saved, from system files and from nowhere: never anywhere else on the disk.
  'packs:export.destination': () =>
    fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^[a-z0-9]{1,8}$/).map((name) => join(FUZZ_PACKS, name)) },
      { weight: 1, arbitrary: fc.constantFrom('relative.roundtable-pack', '.', '', FUZZ_PACKS, 'C:relative') },
      { weight: 1, arbitrary: hostileText.filter((text) => !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(text)) }
    ),
  'packs:preview.file': (pools) => packFile(pools),
  'packs:import.file': (pools) => packFile(pools),
  'files:reveal.path': (pools) =>
    fc.oneof(
      { weight: 2, arbitrary: pools.savedPaths.length > 0 ? oneOfNow(() => pools.savedPaths) : hostileText },
      { weight: 1, arbitrary: fc.constantFrom('/etc/passwd', '.', '/', 'C:\\', '\\\\server\\share', '~') },
      { weight: 1, arbitrary: hostileText }
    )
}

// ---------------------------------------------------------------------------------------------------------
// (a) The shape the schema asks for, with hostile content

const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((check) => check._zod.def)
const ID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'

/** Keys that may be left out of an object (optional, or filled in by a default). */
function mayBeAbsent(schema: Schema): boolean {
  const { type } = schema._zod.def
  return type === 'optional' || type === 'default' || type === 'prefault'
}

/**
 * `tame`: every part within the schema's bounds (the content still odd: lone surrogates, SQL, FTS syntax,
 * far dates the contract allows), so most calls reach the handler and the database. Otherwise any part
 * may also be a control character, 100k characters, past a bound, a date out of range.
 */
interface Walk {
  pools: Pools
  channel: string
  tame: boolean
}

export function shapedArbitrary(schema: z.ZodType, pools: Pools, channel: string, tame: boolean): fc.Arbitrary<unknown> {
  return walk(schema as unknown as Schema, { pools, channel, tame }, [])
}

function walk(schema: Schema, w: Walk, path: (string | number)[]): fc.Arbitrary<unknown> {
  const def = schema._zod.def
  const where = `${w.channel} ${path.length > 0 ? path.join('.') : '(input)'}`
  const field = path.filter((p): p is string => typeof p === 'string').at(-1)
  const hint = HINTS[`${w.channel}.${path.join('.')}`] ?? (field !== undefined ? HINTS[field] : undefined)
  if (hint && (def.type === 'string' || def.type === 'pipe')) return hint(w.pools)

  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {}
      const model: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [key, value] of Object.entries(shape)) model[key] = walk(value, w, [...path, key])
      const requiredKeys = Object.keys(shape).filter((key) => !mayBeAbsent(shape[key]!))
      return fc.record(model, { requiredKeys })
    }
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ weight: 5, arbitrary: walk(def.innerType!, w, path) }, { weight: 1, arbitrary: fc.constant(undefined) })
    case 'nullable':
      return fc.oneof({ weight: 4, arbitrary: walk(def.innerType!, w, path) }, { weight: 1, arbitrary: fc.constant(null) })
    case 'pipe':
      // z.preprocess: the transform comes first and any value may reach it; what comes out is the real shape.
      if (def.in!._zod.def.type === 'transform') {
        return fc.oneof({ weight: 5, arbitrary: walk(def.out!, w, path) }, { weight: 1, arbitrary: fc.constantFrom('', '   ', '\u3000') })
      }
      return walk(def.in!, w, path)
    case 'array': {
      const element = walk(def.element!, w, [...path, 0])
      const max = checksOf(def).find((check) => check.check === 'max_length')?.maximum ?? 10
      const some = fc.array(element, { maxLength: Math.min(max, 4) })
      if (w.tame) return some
      return fc.oneof(
        { weight: 6, arbitrary: some },
        // The same element twice (duplicate people, seats, tags).
        { weight: 2, arbitrary: fc.array(element, { minLength: 1, maxLength: 3 }).map((list) => [...list, list[0]]) },
        { weight: 1, arbitrary: element.map((first) => Array.from({ length: max + 1 }, () => first)) },
        { weight: 1, arbitrary: fc.array(element, { minLength: Math.min(max, 40), maxLength: Math.min(max, 40) }) }
      )
    }
    case 'union':
      return fc.oneof(...def.options!.map((option) => walk(option, w, path)))
    case 'literal':
      return fc.constantFrom(...def.values!)
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!))
    case 'boolean':
      return fc.boolean()
    case 'string':
      return stringArbitrary(def, w, idKindOf(w.channel, field))
    case 'number':
      return numberArbitrary(def, w.tame)
    default:
      throw new NoGenerator(where, def.type)
  }
}

function stringArbitrary(def: Def, w: Walk, kind: IdKind | null): fc.Arbitrary<string> {
  const checks = checksOf(def)
  if (checks.some((check) => check.pattern?.source === ID_PATTERN)) return idArbitrary(w.pools, kind)
  if (def.format === 'date') return w.tame ? tameDateText : dateText
  const max = Math.min(checks.find((check) => check.check === 'max_length')?.maximum ?? 200, HUGE)
  const min = checks.find((check) => check.check === 'min_length')?.minimum ?? 0
  const pattern = checks.find((check) => check.check === 'string_format' && check.pattern)?.pattern
  const shaped = pattern
    ? fc.oneof(fc.stringMatching(pattern, { size: 'small' }).map((text) => text.slice(0, max)), fc.constantFrom('+86 (0371) 123-4567', '13800138000', '110', '+', '('))
    : fittingText(min, max)
  if (w.tame) return shaped
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: boundaryText(max) })
}

function numberArbitrary(def: Def, tame: boolean): fc.Arbitrary<number> {
  const checks = checksOf(def)
  const isInt = checks.some((check) => check.check === 'number_format')
  const isTime = checks.some((check) => check.check === 'custom' && check.params?.reason === 'date_out_of_range')
  const extremes = fc.constantFrom(...EXTREME_NUMBERS)
  if (isTime) {
    const allowed = FAR_TIMES.filter((ms) => ms >= EARLIEST_TIME && ms <= LATEST_TIME)
    if (tame) return fc.oneof({ weight: 4, arbitrary: NEAR_TIMES }, { weight: 1, arbitrary: fc.constantFrom(...allowed) })
    return fc.oneof(
      { weight: 4, arbitrary: NEAR_TIMES },
      { weight: 2, arbitrary: fc.integer({ min: EARLIEST_TIME, max: LATEST_TIME }) },
      { weight: 2, arbitrary: fc.constantFrom(...FAR_TIMES) },
      { weight: 1, arbitrary: extremes }
    )
  }
  const low = checks.find((check) => check.check === 'greater_than')?.value ?? -1e6
  const high = checks.find((check) => check.check === 'less_than')?.value ?? 1e6
  const inside = isInt
    ? fc.oneof({ weight: 4, arbitrary: fc.integer({ min: Math.ceil(low), max: Math.floor(high) }) }, { weight: 1, arbitrary: fc.constantFrom(Math.ceil(low), Math.floor(high)) })
    : fc.oneof(
        fc.double({ min: low, max: high, noNaN: true, noDefaultInfinity: true }),
        // Halves and quarters, as a person would type hours.
        fc.integer({ min: Math.ceil(low * 4), max: Math.floor(high * 4) }).map((quarters) => quarters / 4)
      )
  if (tame) return inside
  const edges = fc.constantFrom(low - 1, high + 1, low - 0.5, high + 0.5, (low + high) / 2)
  return fc.oneof({ weight: 6, arbitrary: inside }, { weight: 2, arbitrary: edges }, { weight: 2, arbitrary: extremes })
}

// ---------------------------------------------------------------------------------------------------------
// (b) The right shape with one part wrong

/** Wrongly typed values, including ones only structured clone (IPC) can carry. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      null,
      undefined,
      true,
      false,
      0,
      -1,
      1.5,
      NaN,
      Infinity,
      -Infinity,
      '',
      '0',
      'true',
      'null',
      '2025-08-21',
      [],
      {},
      [null],
      [[]],
      { id: '00000000-0000-0000-0000-000000000000' },
      { type: 'round' },
      10n,
      new Date(0),
      new Date(NaN),
      new Uint8Array([1, 2, 3]),
      new Map([['a', 1]]),
      new Set([1]),
      /regex/
    )
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: hostileText }
)

const UNKNOWN_KEYS = ['extra', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', 'sessionId', '', '💥', '0', 'length']

type Mutation = { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'add'; key: string; value: unknown } | { kind: 'wrap' }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: wrongValue.map((value): Mutation => ({ kind: 'replace', value })) },
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...UNKNOWN_KEYS), wrongValue).map(([key, value]): Mutation => ({ kind: 'add', key, value })) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'wrap' }) }
)

/** Every place in a value: the root, and each property and element below it. */
function placesIn(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path)
  if (Array.isArray(value)) value.forEach((item, index) => placesIn(item, [...path, index], out))
  else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) placesIn(item, [...path, key], out)
  return out
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype

/** A copy of `value` with the change applied at `path` (own properties are defined, so `__proto__` is a key). */
function changeAt(value: unknown, path: (string | number)[], change: Mutation): unknown {
  if (path.length === 0) {
    switch (change.kind) {
      case 'replace':
        return change.value
      case 'wrap':
        return [value]
      case 'add':
        if (!isPlainObject(value)) return change.value
        return withKey({ ...value }, change.key, change.value)
      case 'delete':
        return undefined
    }
  }
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  if (Array.isArray(value)) {
    const copy = [...(value as unknown[])]
    if (rest.length === 0 && change.kind === 'delete') copy.splice(head as number, 1)
    else copy[head as number] = changeAt(copy[head as number], rest, change)
    return copy
  }
  const copy = { ...(value as Record<string, unknown>) }
  if (rest.length === 0 && change.kind === 'delete') {
    delete copy[head]
    return copy
  }
  return withKey(copy, head, changeAt(copy[head], rest, change))
}

function withKey<T extends object>(target: T, key: string | number, value: unknown): T {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  return target
}

export function mutatedArbitrary(shaped: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(shaped, fc.nat(), mutation).map(([value, choice, change]) => {
    const places = placesIn(value)
    return changeAt(value, places[choice % places.length]!, change)
  })
}

// ---------------------------------------------------------------------------------------------------------
// (c) Anything

export const randomValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true
  })
)

/** The mix the fuzz test feeds each channel. */
export function inputArbitrary(schema: z.ZodType, pools: Pools, channel: string): fc.Arbitrary<unknown> {
  const tame = shapedArbitrary(schema, pools, channel, true)
  const hostile = shapedArbitrary(schema, pools, channel, false)
  // Rules across fields (end after start, no one invited twice, a lecturer for a study) refuse some tame
  // values; of a few drawn, the first that passes the schema goes on to the handler (a bounded filter).
  const passing = fc.array(tame, { minLength: 8, maxLength: 8 }).map((drawn) => drawn.find((value) => schema.safeParse(value).success) ?? drawn[0])
  return fc.oneof(
    { weight: 4, arbitrary: passing },
    { weight: 3, arbitrary: hostile },
    { weight: 2, arbitrary: mutatedArbitrary(hostile) },
    { weight: 1, arbitrary: randomValue }
  )
}
