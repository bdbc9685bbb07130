import type { DemoRemovalPlan } from '../../shared/domain'
import { compareNames } from '../../shared/people'
import type { CoreContext, ReadContext } from '../context'
import { createPerson } from '../people/people'
import { createSession } from '../sessions/sessions'
import { sql } from '../store/sql'
import { createTheme } from '../themes/themes'
import { chinaTimeToUtc } from '../../shared/china-time'

/**
 * The 示例场次 from the article 《一场别开生面的思想圆桌派》 (8月21日下午, 郑家镇): created with a new
 * database only, so a new user sees a real session; once removed it never comes back.
 */
export function seedDemo(ctx: CoreContext): void {
  const person = (name: string, gender: 'male' | 'female', organisation: string, village: string, categories: string[]) =>
    createPerson(ctx, { name, gender, organisation, village, categories, phone: null, note: '示例数据' }, true).id

  const host = person('任肖彤', 'male', '郑家镇党委', '', ['干部', '党员'])
  const recorder = person('王晓雪', 'female', '郑家镇新时代文明实践所', '', ['志愿者', '青年'])
  const liFang = person('李芳', 'female', '党员暖心志愿服务队', '', ['志愿者', '党员'])
  const zhaoHaiyun = person('赵海云', 'female', '理论宣讲志愿服务队', '', ['志愿者'])
  const speakers = [
    person('温乐义', 'male', '', '温集新村', ['党员']),
    person('翟自恩', 'male', '郑家镇辖区企业', '', ['党员', '企业职工']),
    person('张秀兰', 'female', '', '温集新村', ['群众']),
    person('刘建国', 'male', '', '郑家村', ['入党积极分子']),
    person('陈静', 'female', '郑家镇便民服务中心', '', ['青年', '干部'])
  ]

  const theme = createTheme(
    ctx,
    {
      title: '加快构建新发展格局，把握未来发展主动权',
      description: '以座谈交流、访谈互动的形式，让参与者以“主人翁”身份参与宣讲，围绕新发展格局畅所欲言。',
      materials:
        '第一阶段：学习习近平总书记在中宣部第二次集体学习时的重要讲话精神；系统阐述全面推进乡村振兴的重要内容。\n' +
        '第二阶段：圆桌时间，结合本村本企业实际，谈如何把握未来发展的主动权。',
      references: ['《一场别开生面的思想圆桌派》，本报记者 赵宗锋'],
      tags: ['新发展格局', '乡村振兴']
    },
    true
  )

  const start = chinaTimeToUtc('2025-08-21', '14:30')
  createSession(
    ctx,
    {
      title: '示例场次 · 思想圆桌派',
      themeId: theme.id,
      plannedStart: start,
      plannedEnd: start + 120 * 60_000,
      venue: '郑家镇新时代文明实践所理论宣讲室',
      hostId: host,
      recorderId: recorder,
      organiserUnit: '郑家镇新时代文明实践所',
      speakerLimitSeconds: 180,
      agenda: [
        { kind: 'study', title: '', lecturerId: liFang, topic: '学习习近平总书记在中宣部第二次集体学习时的重要讲话精神', plannedMinutes: 30 },
        { kind: 'study', title: '', lecturerId: zhaoHaiyun, topic: '全面推进乡村振兴的重要内容', plannedMinutes: 30 },
        { kind: 'roundtable', title: '', lecturerId: null, topic: '', plannedMinutes: 60 }
      ],
      invitees: [host, liFang, zhaoHaiyun, ...speakers].map((personId, index) => ({
        personId,
        role: 'participant' as const,
        seatNumber: index + 1
      })),
      seatLayout: 'round'
    },
    true
  )
}

export function demoPresent({ db }: ReadContext): boolean {
  return sql<{ 1: number }>(db, 'SELECT 1 FROM sessions WHERE is_demo = 1 LIMIT 1').get() !== undefined
}

const SESSION_USED = `status != 'planned'
  OR EXISTS (SELECT 1 FROM remarks r WHERE r.session_id = sessions.id)
  OR EXISTS (SELECT 1 FROM decisions d WHERE d.session_id = sessions.id)
  OR EXISTS (SELECT 1 FROM session_photos f WHERE f.session_id = sessions.id)`

/** A person is in use when anything outside the removable demo session names them. */
const personUsed = (removable: string) => `
    EXISTS (SELECT 1 FROM attendance a WHERE a.person_id = people.id AND a.session_id NOT IN (${removable}))
    OR EXISTS (SELECT 1 FROM sessions s WHERE (s.host_id = people.id OR s.recorder_id = people.id) AND s.id NOT IN (${removable}))
    OR EXISTS (SELECT 1 FROM agenda_segments g WHERE g.lecturer_id = people.id AND g.session_id NOT IN (${removable}))
    OR EXISTS (SELECT 1 FROM turns t WHERE t.person_id = people.id AND t.session_id NOT IN (${removable}))
    OR EXISTS (SELECT 1 FROM remarks r WHERE r.speaker_id = people.id AND r.session_id NOT IN (${removable}))
    OR EXISTS (SELECT 1 FROM decisions d WHERE d.owner_id = people.id)`

const REMOVABLE_SESSIONS = `SELECT id FROM sessions WHERE is_demo = 1 AND NOT (${SESSION_USED})`
const NOTHING = 'SELECT NULL WHERE 0'

export function demoRemovalPlan({ db }: ReadContext): DemoRemovalPlan {
  const keepsSession = sql<{ 1: number }>(db, `SELECT 1 FROM sessions WHERE is_demo = 1 AND (${SESSION_USED}) LIMIT 1`).get() !== undefined
  const keptPeople = sql<{ name: string }>(db, `SELECT name FROM people WHERE is_demo = 1 AND (${personUsed(REMOVABLE_SESSIONS)})`)
    .all()
    .map((row) => row.name)
    .sort(compareNames)
  const keepsTheme =
    sql<{ 1: number }>(
      db,
      `SELECT 1 FROM themes WHERE is_demo = 1 AND EXISTS (SELECT 1 FROM sessions s WHERE s.theme_id = themes.id AND s.id NOT IN (${REMOVABLE_SESSIONS}))`
    ).get() !== undefined
  return { keepsSession, keptPeople, keepsTheme }
}

/**
 * Removes what of the demo the user never used: the 示例场次 unless it was started or has remarks or
 * decisions, and its people and theme unless something that stays names them. What stays simply stops
 * being demo data (so it is never removed later by surprise).
 */
export function removeDemo(ctx: CoreContext): { removed: boolean; kept: DemoRemovalPlan } {
  const { db } = ctx
  const kept = demoRemovalPlan(ctx)
  const sessions = sql(db, `DELETE FROM sessions WHERE id IN (${REMOVABLE_SESSIONS})`).run().changes
  // With the removable session gone, a demo person nothing names any more goes too.
  const people = sql(db, `DELETE FROM people WHERE is_demo = 1 AND NOT (${personUsed(NOTHING)})`).run().changes
  sql(db, 'UPDATE sessions SET is_demo = 0 WHERE is_demo = 1').run()
  sql(db, 'UPDATE people SET is_demo = 0 WHERE is_demo = 1').run()
  const themes = sql(db, 'DELETE FROM themes WHERE is_demo = 1 AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.theme_id = themes.id)').run().changes
  sql(db, 'UPDATE themes SET is_demo = 0 WHERE is_demo = 1').run()
  const removed = sessions + people + themes > 0
  if (removed) {
    ctx.emit({ name: 'sessions:changed' })
    ctx.emit({ name: 'people:changed' })
    ctx.emit({ name: 'themes:changed' })
  }
  return { removed, kept }
}
