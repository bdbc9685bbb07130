import { Packer } from 'docx'
import { strFromU8, Unzip, UnzipInflate, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocumentPhoto } from '../../../src/core/minutes/blocks'
import type { BeforeSession } from '../../../src/core/minutes/before-session'
import { beforeSessionLayout } from '../../../src/core/minutes/before-session-layout'
import { docxDocument, layoutDocx, sharedPartsKind } from '../../../src/core/minutes/docx'
import { packDocx } from '../../../src/core/minutes/docx-package'
import { documentLayout, type DocumentLayout } from '../../../src/core/minutes/layout'
import { chinaTimeToUtc } from '../../../src/shared/china-time'
import { LANGUAGES, type Language } from '../../../src/shared/domain'
import type { Minutes } from '../../../src/shared/minutes'
import { runCleanups, valueOf } from '../../helpers'
import { chartPng, landscapeJpeg } from '../../fixtures/images'
import { runDemoSession } from './demo-session'

afterEach(runCleanups)

/** A package's files by path, unzipped: what a .docx says, without the zip's own records (times, compression). */
const partsOf = (bytes: Uint8Array): Record<string, Uint8Array> => unzipSync(new Uint8Array(bytes))

/** A part as the test compares it: the text of an XML part (so that a difference reads as one), the bytes of a photo. */
const readable = (path: string, data: Uint8Array | undefined): string | Uint8Array | undefined =>
  data && /\.(xml|rels)$/.test(path) ? strFromU8(data) : data

const PHOTOS: DocumentPhoto[] = [
  { caption: '圆桌交流现场', mime: 'image/jpeg', width: 640, height: 480, bytes: landscapeJpeg(640, 480) },
  { caption: '学习研讨', mime: 'image/png', width: 480, height: 320, bytes: chartPng(480, 320) }
]

/** The demo session's plan, for the 会议通知 and the 签到表. */
function planOf(minutes: Minutes): BeforeSession {
  return {
    title: minutes.title,
    theme: minutes.theme,
    startsAt: minutes.startsAt,
    endsAt: minutes.endsAt,
    venue: minutes.venue,
    organiser: minutes.organiser,
    host: { name: '任肖彤', phone: '13800000000' },
    speakerLimitSeconds: 180,
    invitees: [
      { name: '任肖彤', place: '郑家镇党委', role: 'host', category: '' },
      { name: '温乐义', place: '温集新村', role: null, category: '党员' }
    ],
    categories: ['党员', '群众'],
    agenda: minutes.agenda
  }
}

/** Every layout that is made into a .docx, in a language: each document, the 会议纪要 with and without photos. */
function layoutsOf(minutes: Minutes, language: Language): DocumentLayout[] {
  const issuedOn = chinaTimeToUtc('2025-08-14', '09:00')
  return [
    documentLayout('minutes', minutes, language),
    documentLayout('minutes', minutes, language, { photos: PHOTOS }),
    documentLayout('record', minutes, language),
    documentLayout('volunteer', minutes, language, { photos: PHOTOS }),
    beforeSessionLayout('notice', planOf(minutes), language, issuedOn),
    beforeSessionLayout('signin', planOf(minutes), language, issuedOn)
  ]
}

describe('a .docx packed with its styles, theme and footers written once for its kind', () => {
  it('has the very parts docx’s Packer writes for the same document: every document, in both languages, the first of its kind and later ones', async () => {
    const { core, sessionId } = await runDemoSession()
    const minutes = valueOf(await core.invoke('minutes:get', { sessionId }))
    // Twice round, the languages interleaved: the first document of each kind is written whole, the rest use what was kept.
    for (let round = 0; round < 2; round++) {
      for (const language of LANGUAGES) {
        for (const layout of layoutsOf(minutes, language)) {
          const document = docxDocument(layout, language)
          const ours = partsOf(packDocx(document, sharedPartsKind(layout, language)))
          const library = partsOf(await Packer.toBuffer(document))
          expect(Object.keys(ours), `${layout.title} (${language})`).toEqual(Object.keys(library))
          for (const path of Object.keys(library)) expect(readable(path, ours[path]), `${path} of ${layout.title} (${language})`).toEqual(readable(path, library[path]))
        }
      }
    }
  })

  it('is a zip file that reads back the same from its directory at the end and front to back, as the app exports it', async () => {
    const { core, sessionId } = await runDemoSession()
    const minutes = valueOf(await core.invoke('minutes:get', { sessionId }))
    const layout = documentLayout('minutes', minutes, 'zh-CN', { photos: PHOTOS })
    await layoutDocx(layout, 'zh-CN')
    const bytes = await layoutDocx(layout, 'zh-CN')
    const parts = partsOf(bytes)
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footer1.xml']))
    expect(Object.keys(parts).filter((path) => path.startsWith('word/media/'))).toHaveLength(2)
    expect(streamed(bytes)).toEqual(parts)
  })
})

/** A zip file read front to back, from each file's own header, as a streaming reader reads it. */
function streamed(bytes: Uint8Array): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {}
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = []
    file.ondata = (error, chunk, final) => {
      if (error) throw error
      chunks.push(chunk)
      if (final) files[file.name] = new Uint8Array(Buffer.concat(chunks))
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  unzip.push(new Uint8Array(bytes), true)
  return files
}
