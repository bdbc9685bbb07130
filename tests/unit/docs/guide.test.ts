import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The user guide (docs/guide.zh-CN.md, docs/guide.en.md) and its screenshots: every picture is on disk, made
 * by tests/e2e/guide.spec.ts (so `npm run guide:screenshots` makes it again), and the English guide has a
 * counterpart for every section and picture of the Chinese one.
 */

const ROOT = resolve(import.meta.dirname, '../../..')
const SPEC = join(ROOT, 'tests/e2e/guide.spec.ts')
const GUIDES = [
  { language: 'zh-CN', file: join(ROOT, 'docs/guide.zh-CN.md') },
  { language: 'en', file: join(ROOT, 'docs/guide.en.md') }
] as const

interface Section {
  level: number
  heading: string
  /** The section's number (`## 3. …`), if it has one. */
  number: string | null
  images: string[]
}

interface Guide {
  language: string
  file: string
  /** Every image link's target, as written. */
  links: string[]
  sections: Section[]
}

const IMAGE = /!\[[^\]]*\]\(([^)\s]+)\)/g

function read(language: string, file: string): Guide {
  const sections: Section[] = []
  const links: string[] = []
  let fence = false
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) fence = !fence
    if (fence) continue
    const heading = /^(#{1,6})\s+(.+?)\s*$/.exec(line)
    if (heading) {
      const text = heading[2]!
      sections.push({ level: heading[1]!.length, heading: text, number: /^(\d+(?:\.\d+)*)\.?\s/.exec(text)?.[1] ?? null, images: [] })
      continue
    }
    for (const match of line.matchAll(IMAGE)) {
      links.push(match[1]!)
      sections.at(-1)?.images.push(basename(match[1]!))
    }
  }
  return { language, file, links, sections }
}

const guides = GUIDES.map(({ language, file }) => read(language, file))
const spec = readFileSync(SPEC, 'utf8')
/** The screenshots the spec takes: its list of names. */
const specNames = [...spec.matchAll(/'([\w-]+\.png)'/g)].map((match) => match[1]!)

/** Width and height from a PNG's header (the IHDR chunk). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is not a PNG`).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('the user guide', () => {
  for (const guide of guides) {
    describe(guide.language, () => {
      it('shows screenshots', () => {
        expect(guide.links.length).toBeGreaterThan(0)
      })

      it('links only pictures that are on disk, in its own language’s folder, at 1366×768', () => {
        for (const link of guide.links) {
          expect(link, 'a relative link, as GitHub and editors show it').not.toMatch(/^(\/|[a-z]+:)/i)
          expect(dirname(link)).toBe(`guide/${guide.language}`)
          const file = resolve(dirname(guide.file), link)
          expect(existsSync(file), `${link} in ${basename(guide.file)} is missing`).toBe(true)
          expect(pngSize(file), link).toEqual({ width: 1366, height: 768 })
        }
      })

      it('links only pictures that tests/e2e/guide.spec.ts takes, so `npm run guide:screenshots` makes them again', () => {
        for (const link of guide.links) expect(specNames, `${link} is not taken by guide.spec.ts`).toContain(basename(link))
      })

      it('shows every picture the spec takes, and its folder holds no other', () => {
        expect([...new Set(guide.links.map((link) => basename(link)))].sort()).toEqual([...new Set(specNames)].sort())
        const folder = join(ROOT, 'docs/guide', guide.language)
        const onDisk = readdirSync(folder).filter((name) => name.endsWith('.png'))
        expect(onDisk.sort()).toEqual([...new Set(guide.links.map((link) => basename(link)))].sort())
      })
    })
  }

  const [zh, en] = guides as [Guide, Guide]

  it('has the same screenshots in both languages, in the same order', () => {
    expect(en.links.map((link) => basename(link))).toEqual(zh.links.map((link) => basename(link)))
  })

  it('has a counterpart in English for every heading of the Chinese guide, at the same level, with the same number and pictures', () => {
    expect(en.sections.length).toBe(zh.sections.length)
    zh.sections.forEach((section, index) => {
      const other = en.sections[index]!
      const where = `“${section.heading}” and “${other.heading}”`
      expect(other.level, where).toBe(section.level)
      expect(other.number, where).toBe(section.number)
      expect(other.images, where).toEqual(section.images)
    })
  })

  it('numbers its steps the same way in both languages', () => {
    const steps = (guide: Guide) => readFileSync(guide.file, 'utf8').split('\n').filter((line) => /^\d+\.\s/.test(line)).length
    expect(steps(en)).toBe(steps(zh))
  })
})
