import type { Platform } from '../../../src/core/context'
import type { LiveAction } from '../../../src/shared/contract'
import type { LiveView } from '../../../src/shared/domain'
import { withProgress } from '../../../src/shared/live-answers'
import { tempDatabaseFile, testCore, valueOf } from '../../helpers'

const MINUTE = 60_000
/** The demo session's planned start: 2025-08-21 14:30 in China. */
const START = Date.parse('2025-08-21T14:30:00+08:00')

/**
 * Runs the demo session as the article tells it, with a clock we move by hand. `翟自恩` may say more:
 * `more` writes further remarks during his turn.
 */
export async function runDemoSession(platform: Platform = {}, more?: (remark: (text: string) => Promise<void>) => Promise<void>) {
  let now = START - 10 * MINUTE
  const core = testCore({ databaseFile: tempDatabaseFile(), seedDemo: true, now: () => now, platform })
  const [demo] = valueOf(await core.invoke('sessions:list', { when: 'all' }))
  const sessionId = demo!.id
  let view: LiveView = valueOf(await core.invoke('live:get', { sessionId }))
  const person = (name: string) => view.attendance.find((entry) => entry.name === name)!.personId
  valueOf(await core.invoke('live:checkIn', { sessionId, personId: person('张秀兰'), present: false, reason: '外出务工' }))
  // 开始场次 with people 未签到 asks; the facilitator answers 全部标为出席.
  valueOf(await core.invoke('live:checkInEveryone', { sessionId }))
  now = START
  view = valueOf(await core.invoke('sessions:start', { id: sessionId }))
  const act = async (action: LiveAction, minutes = 0) => {
    now += minutes * MINUTE
    view = withProgress(view, valueOf(await core.invoke('live:act', { sessionId, action })))
  }
  const remark = async (text: string, tags: string[] = []) => {
    const current = view.state.current!
    valueOf(await core.invoke('remarks:create', { sessionId, speakerId: current.personId, turnId: current.id, text, tags }))
  }
  const [study1, study2, table] = view.session.agenda
  await act({ type: 'phase', segmentId: study1!.id })
  await act({ type: 'phase', segmentId: study2!.id }, 30)
  await act({ type: 'phase', segmentId: table!.id }, 30)
  await act({ type: 'round', startPersonId: person('任肖彤') })
  await remark('请大家围绕主题畅所欲言。')
  await act({ type: 'pass' }, 2)
  await act({ type: 'pass' }, 3)
  await act({ type: 'pass' }, 3)
  await remark('要把握未来发展的主动权,先要正确认识我们目前所处的发展阶段。', ['观点'])
  await remark('通过党的好政策,让乡亲们的腰包鼓起来。', ['建议'])
  await act({ type: 'applause' })
  await act({ type: 'pass' }, 4)
  await remark('从工业发展带动城镇化进程方面谈谈想法。', ['问题'])
  await more?.((text) => remark(text))
  await act({ type: 'pass' }, 3)
  await act({ type: 'pass' }, 2)
  await act({ type: 'pass' }, 2)
  await act({ type: 'phase', segmentId: null }, 1)
  valueOf(await core.invoke('sessions:setSummary', { id: sessionId, summary: '大家畅所欲言,气氛热烈。' }))
  now += 5 * MINUTE
  valueOf(await core.invoke('sessions:end', { id: sessionId }))
  valueOf(await core.invoke('decisions:create', { sessionId, text: '组织光伏合作社参观学习', ownerId: person('温乐义'), dueDate: '2025-09-30' }))
  return { core, sessionId }
}

/** What the 会议纪要 of the demo session says, paragraph by paragraph, in order (from the theme to the summary). */
export const DEMO_MINUTES_IN_ORDER = [
  '示例场次 · 思想圆桌派会议纪要',
  '时间：2025年8月21日 14:30—15:55',
  '地点：郑家镇新时代文明实践所理论宣讲室',
  '主持人：任肖彤',
  '记录人：王晓雪',
  '应到9人，实到8人，缺席1人。',
  '请假：张秀兰（外出务工）',
  '2025年8月21日，郑家镇新时代文明实践所在郑家镇新时代文明实践所理论宣讲室召开示例场次 · 思想圆桌派，由任肖彤主持，围绕“加快构建新发展格局，把握未来发展主动权”开展学习研讨、圆桌交流。现将会议主要内容纪要如下：',
  '一、会议议程',
  '二、学习研讨',
  '14:30—15:00，李芳（党员暖心志愿服务队）作宣讲，题为“学习习近平总书记在中宣部第二次集体学习时的重要讲话精神”。',
  '15:00—15:30，赵海云（理论宣讲志愿服务队）作宣讲，题为“全面推进乡村振兴的重要内容”。',
  '三、交流发言',
  '任肖彤、李芳、赵海云、温乐义、翟自恩、刘建国、陈静先后发言，主要观点如下：',
  '任肖彤（郑家镇党委）',
  '请大家围绕主题畅所欲言。',
  '温乐义（温集新村）',
  '要把握未来发展的主动权,先要正确认识我们目前所处的发展阶段。',
  '通过党的好政策,让乡亲们的腰包鼓起来。',
  '翟自恩（郑家镇辖区企业）',
  '从工业发展带动城镇化进程方面谈谈想法。',
  '四、意见建议',
  '（一）温乐义（建议）：通过党的好政策,让乡亲们的腰包鼓起来。',
  '（二）翟自恩（问题）：从工业发展带动城镇化进程方面谈谈想法。',
  '五、议定事项',
  '（一）组织光伏合作社参观学习（负责人：温乐义）（完成期限：2025年9月30日）',
  '六、会议总结',
  '大家畅所欲言,气氛热烈。',
  '郑家镇新时代文明实践所',
  '2025年8月21日'
]

/** A fresh demo session, started, in its 圆桌时间 with a round from the first seat; the clock steps by `tick`. */
export async function startDemoRound(options: { tick: number; platform?: Platform }) {
  let now = START
  const core = testCore({ databaseFile: tempDatabaseFile(), seedDemo: true, now: () => (now += options.tick), platform: options.platform ?? {} })
  const [demo] = valueOf(await core.invoke('sessions:list', { when: 'all' }))
  const sessionId = demo!.id
  let view: LiveView = valueOf(await core.invoke('sessions:start', { id: sessionId }))
  const table = view.session.agenda.find((segment) => segment.kind === 'roundtable')!
  view = withProgress(view, valueOf(await core.invoke('live:act', { sessionId, action: { type: 'phase', segmentId: table.id } })))
  view = withProgress(view, valueOf(await core.invoke('live:act', { sessionId, action: { type: 'round', startPersonId: view.attendance[0]!.personId } })))
  return { core, sessionId, view }
}
