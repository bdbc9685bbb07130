import type { Language } from '../../shared/domain'

/** Headings of the documents, in the user's language (offices get Chinese by default). */
export const LABELS = {
  'zh-CN': {
    minutes: '会议纪要',
    turns: '发言明细',
    project: '思想圆桌派',
    time: '时间',
    venue: '地点',
    host: '主持人',
    recorder: '记录人',
    organiser: '组织单位',
    attendees: '参加人员',
    counts: (expected: number, present: number, absent: number) => `应到${expected}人,实到${present}人,缺席${absent}人`,
    absentees: '缺席人员',
    theme: '主题',
    agenda: '议程',
    study: '第一阶段:学习研讨',
    roundtable: '第二阶段:圆桌时间',
    suggestions: '意见建议',
    decisions: '议定事项',
    summary: '总结',
    statistics: '发言情况',
    stats: (speakers: number, turns: number, total: string, average: string, applause: number) =>
      `共${speakers}人发言${turns}次,发言总时长${total},平均每次${average},掌声${applause}次。`,
    owner: '负责人',
    due: '完成期限',
    done: '已完成',
    none: '无',
    kinds: { study: '学习研讨', roundtable: '圆桌时间', other: '其他' },
    minutesUnit: '分钟',
    section: (n: number) => `${'一二三四五六七八九十'[n - 1] ?? n}、`
  },
  en: {
    minutes: 'Minutes',
    turns: 'Turns',
    project: 'Ideological roundtable',
    time: 'Time',
    venue: 'Venue',
    host: 'Host',
    recorder: 'Recorder',
    organiser: 'Organised by',
    attendees: 'Attendance',
    counts: (expected: number, present: number, absent: number) => `${expected} expected, ${present} present, ${absent} absent`,
    absentees: 'Absent',
    theme: 'Theme',
    agenda: 'Agenda',
    study: 'Part one: study',
    roundtable: 'Part two: roundtable time',
    suggestions: 'Opinions and suggestions',
    decisions: 'Decisions',
    summary: 'Closing summary',
    statistics: 'Speaking',
    stats: (speakers: number, turns: number, total: string, average: string, applause: number) =>
      `${speakers} people spoke ${turns} times, ${total} in all, ${average} on average; applause ${applause} times.`,
    owner: 'Owner',
    due: 'Due',
    done: 'Done',
    none: 'None',
    kinds: { study: 'Study', roundtable: 'Roundtable time', other: 'Other' },
    minutesUnit: 'min',
    section: (n: number) => `${n}. `
  }
} as const satisfies Record<Language, unknown>

export type Labels = (typeof LABELS)[Language]
