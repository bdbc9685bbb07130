import { describe, expect, it } from 'vitest'
import { closingBlock, minutesLayout, recordLayout, type DocumentLayout, type LayoutOptions } from '../../../src/core/minutes/layout'
import { layoutHtml } from '../../../src/core/minutes/print-html'
import type { Minutes, MinutesSpeaker, RecordEntry } from '../../../src/shared/minutes'

const speaker = (name: string, remarks: string[]): MinutesSpeaker => ({
  name,
  place: '',
  startedAt: Date.parse('2025-08-21T15:30:00+08:00'),
  speakingMs: 60_000,
  applause: 0,
  remarks: remarks.map((text) => ({ text, tags: [], starred: false, forMinutes: false }))
})

const entry = (speaker: string, remarks: string[]): RecordEntry => ({
  kind: 'turn',
  turnKind: 'round',
  outcome: 'spoken',
  speaker,
  place: '',
  topic: '',
  at: Date.parse('2025-08-21T15:30:00+08:00'),
  speakingMs: 60_000,
  section: 'roundtable',
  remarks: remarks.map((text, index) => ({ id: `r${index}`, text, at: Date.parse('2025-08-21T15:31:00+08:00') }))
})

const MINUTES: Minutes = {
  sessionId: 's',
  title: '思想圆桌派',
  theme: null,
  organiser: '',
  startsAt: Date.parse('2025-08-21T14:30:00+08:00'),
  endsAt: Date.parse('2025-08-21T16:30:00+08:00'),
  venue: '理论宣讲室',
  host: '任肖彤',
  contactPhone: '',
  recorder: '王晓雪',
  attendance: { expected: 3, present: 3, absent: 0, unmarked: 0, walkIns: 0, groups: [], walkInNames: [], absentees: [], unmarkedNames: [] },
  agenda: [],
  study: [],
  speakers: [speaker('甲', []), speaker('乙', []), speaker('丙', ['<script>alert(1)</script> & “引号”']), speaker('丁', [])],
  record: [entry('甲', []), entry('乙', []), entry('丙', ['<script>alert(1)</script> & “引号”']), entry('丁', [])],
  served: 0,
  suggestions: [],
  decisions: [],
  summary: '',
  volunteers: [],
  statistics: { speakers: 4, turns: 4, totalSpeakingMs: 240_000, averageSpeakingMs: 60_000, applause: 0 }
}

describe('the printed layout', () => {
  it('keeps a speaker’s line with what they said, but lets a run of silent turns break anywhere', () => {
    const bold = (layout: DocumentLayout) => layout.blocks.filter((block) => block.kind === 'paragraph' && block.bold)
    const kept = (layout: DocumentLayout) => bold(layout).map((block) => block.kind === 'paragraph' && block.keepWithNext === true)
    expect(kept(recordLayout(MINUTES, 'zh-CN'))).toEqual([false, false, true, false])
    // The 纪要 names everyone who spoke once, and gives a line of their own only to those with points to report.
    expect(kept(minutesLayout(MINUTES, 'zh-CN'))).toEqual([true])
    expect(texts(MINUTES)).toContain('甲、乙、丙、丁先后发言，主要观点如下：')
  })

  it('keeps 散会 on the page of the signatures', () => {
    const blocks = recordLayout(MINUTES, 'zh-CN').blocks
    expect(blocks.at(-1)).toMatchObject({ kind: 'signatures' })
    expect(blocks.at(-2)).toMatchObject({ kind: 'paragraph', text: '16:30 散会。', keepWithNext: true })
  })

  it('prints typed text as text: no markup gets through', () => {
    const html = layoutHtml(recordLayout(MINUTES, 'zh-CN'), 'zh-CN')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”')
  })
})

const texts = (minutes: Minutes, options?: LayoutOptions) =>
  minutesLayout(minutes, 'zh-CN', options).blocks.flatMap((block) => (block.kind === 'closing' ? block.lines.map((line) => line.text) : 'text' in block ? [block.text] : []))
const headings = (layout: DocumentLayout) => layout.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []))

describe('the 会议纪要 agenda and 议定事项', () => {
  it('names a part titled with its own kind once, and writes due dates as Chinese dates', () => {
    const minutes: Minutes = {
      ...MINUTES,
      agenda: [
        { id: 'a', kind: 'roundtable', title: '圆桌时间', lecturer: null, topic: '', plannedMinutes: 60 },
        { id: 'b', kind: 'study', title: '', lecturer: '李芳', topic: '乡村振兴', plannedMinutes: 30 }
      ],
      decisions: [{ text: '组织参观学习', owner: '温乐义', dueDate: '2025-09-30', done: true }]
    }
    const lines = texts(minutes)
    expect(lines).toContain('（一）圆桌时间（60分钟）')
    expect(lines).toContain('（二）学习研讨：李芳，乡村振兴（30分钟）')
    expect(lines).toContain('（一）组织参观学习（负责人：温乐义）（完成期限：2025年9月30日）（已完成）')
  })
})

describe('the 会议纪要 as a summary', () => {
  const STUDY: Minutes['study'] = [{ lecturer: '李芳', place: '', topic: '乡村振兴', startedAt: Date.parse('2025-08-21T14:30:00+08:00'), endedAt: Date.parse('2025-08-21T15:00:00+08:00') }]

  it('numbers its sections 一、二、… with no gap, and has no 学习研讨 heading when nothing was studied', () => {
    expect(headings(minutesLayout(MINUTES, 'zh-CN'))).toEqual(['一、会议议程', '二、交流发言', '三、意见建议', '四、议定事项', '五、会议总结'])
    expect(headings(minutesLayout({ ...MINUTES, study: STUDY }, 'zh-CN'))).toEqual(['一、会议议程', '二、学习研讨', '三、交流发言', '四、意见建议', '五、议定事项', '六、会议总结'])
    expect(texts({ ...MINUTES, study: STUDY })).toContain('14:30—15:00，李芳作宣讲，题为“乡村振兴”。')
  })

  it('reports the remarks marked 入纪要 when any is, else every remark; and states no statistics', () => {
    const marked: Minutes = {
      ...MINUTES,
      speakers: [
        { ...speaker('甲', ['开场白', '要点一']), remarks: [{ text: '开场白', tags: [], starred: false, forMinutes: false }, { text: '要点一', tags: [], starred: false, forMinutes: true }] },
        speaker('乙', ['闲谈'])
      ]
    }
    const lines = texts(marked)
    expect(lines).toContain('要点一')
    expect(lines).not.toContain('开场白')
    expect(lines).not.toContain('闲谈')
    expect(lines).toContain('甲、乙先后发言，主要观点如下：')
    expect(texts({ ...marked, speakers: [speaker('甲', ['开场白', '要点一'])] })).toEqual(expect.arrayContaining(['开场白', '要点一']))
    expect(lines.join('\n')).not.toMatch(/掌声|发言总时长|平均每次/)
  })

  it('ends with the organiser and the 成文日期 chosen at export (the session’s day by default)', () => {
    const minutes = { ...MINUTES, organiser: '郑家镇新时代文明实践所' }
    expect(texts(minutes).slice(-2)).toEqual(['郑家镇新时代文明实践所', '2025年8月21日'])
    expect(texts(minutes, { writtenOn: Date.parse('2025-08-25T00:00:00+08:00') }).at(-1)).toBe('2025年8月25日')
  })

  it('places 落款 and 成文日期 as GB/T 9704 §7.3.5 does: the date 右空二字, the name starting two characters left of it', () => {
    // 2025年8月21日 prints 6.5 characters wide (the digits are half width); the name is 11.
    expect(closingBlock('郑家镇新时代文明实践所', '2025年8月21日')).toEqual({
      kind: 'closing',
      lines: [
        { text: '郑家镇新时代文明实践所', rightIndent: 2 },
        { text: '2025年8月21日', rightIndent: 4.5 }
      ]
    })
    expect(closingBlock('某村', '2025年8月21日')).toEqual({
      kind: 'closing',
      lines: [
        { text: '某村', rightIndent: 8.5 },
        { text: '2025年8月21日', rightIndent: 2 }
      ]
    })
  })
})
