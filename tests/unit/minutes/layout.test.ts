import { describe, expect, it } from 'vitest'
import { recordLayout, minutesLayout } from '../../../src/core/minutes/layout'
import { layoutHtml } from '../../../src/core/minutes/print-html'
import type { Minutes, MinutesSpeaker, RecordEntry } from '../../../src/shared/minutes'

const speaker = (name: string, remarks: string[]): MinutesSpeaker => ({
  name,
  place: '',
  startedAt: Date.parse('2025-08-21T15:30:00+08:00'),
  speakingMs: 60_000,
  applause: 0,
  remarks: remarks.map((text) => ({ text, tags: [], starred: false }))
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
    for (const layout of [recordLayout(MINUTES, 'zh-CN'), minutesLayout(MINUTES, 'zh-CN')]) {
      const lines = layout.blocks.filter((block) => block.kind === 'paragraph' && block.bold)
      expect(lines.map((block) => block.kind === 'paragraph' && block.keepWithNext === true)).toEqual([false, false, true, false])
    }
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

describe('the 会议纪要 agenda and 议定事项', () => {
  const texts = (minutes: Minutes) => minutesLayout(minutes, 'zh-CN').blocks.flatMap((block) => ('text' in block ? [block.text] : []))

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
    expect(lines).toContain('1. 圆桌时间（60分钟）')
    expect(lines).toContain('2. 学习研讨：李芳，乡村振兴（30分钟）')
    expect(lines).toContain('1. 组织参观学习（负责人：温乐义）（完成期限：2025年9月30日）（已完成）')
  })
})
