import fc from 'fast-check'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { withProgress } from '../../../src/shared/live-answers'
import { exportedBytes, runCleanups, valueOf } from '../../helpers'
import { startDemoRound } from './demo-session'

afterEach(runCleanups)

const WORDS = ['乡村振兴', '光伏', '合作社', '腰包', '发展', '主动权', '城镇化', '志愿服务']

/** Each step: pass the mic, or write a remark for the current speaker. */
const stepArb = fc.oneof(
  { arbitrary: fc.constant({ kind: 'pass' as const }), weight: 2 },
  { arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }).map((words) => ({ kind: 'remark' as const, words })), weight: 3 }
)

function paragraphsOf(bytes: Buffer): string[] {
  const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!)
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([paragraph]) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .filter((text) => text !== '')
}

describe('会议记录', () => {
  it('has every remark of the session exactly once, in speaking order (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 14 }), async (steps) => {
        const started = await startDemoRound({ tick: 1000 })
        const { core, sessionId } = started
        let view = started.view
        const written: string[] = []
        let serial = 0
        for (const step of steps) {
          const current = view.state.current
          if (!current) break
          if (step.kind === 'pass') {
            view = withProgress(view, valueOf(await core.invoke('live:act', { sessionId, action: { type: 'pass' } })))
          } else {
            // A number makes each remark unique, so "exactly once" can be counted.
            const text = `${++serial}号:${step.words.join(',')}`
            valueOf(await core.invoke('remarks:create', { sessionId, speakerId: current.personId, turnId: current.id, text, tags: [] }))
            written.push(text)
          }
        }
        valueOf(await core.invoke('sessions:end', { id: sessionId }))
        const file = valueOf(await core.invoke('minutes:export', { sessionId, document: 'record', format: 'docx' }))
        const paragraphs = paragraphsOf(exportedBytes(file, 'download'))
        for (const text of written) expect(paragraphs.filter((paragraph) => paragraph === text)).toHaveLength(1)
        // Written in speaking order, so the document keeps the order they were written in.
        const positions = written.map((text) => paragraphs.indexOf(text))
        expect(positions).toEqual([...positions].sort((a, b) => a - b))
        core.close()
      }),
      { numRuns: 40 }
    )
  })
})
