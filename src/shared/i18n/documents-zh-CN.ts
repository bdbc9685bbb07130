/**
 * The words of the documents (会议纪要, 会议记录, 志愿服务活动记录, the turns and roster tables), in Simplified
 * Chinese: the default, and the source of truth for the keys of the i18next namespace `documents`. Core makes
 * the documents with them; the renderer names the documents with the same keys. A piece shown only sometimes
 * (`walkInsIncluded`, `notCheckedIn`, `lectureTopic`) is its own key, composed in code.
 */
export const documentsZhCN = {
  /** The documents' names: titles, file names, and the export dialog. */
  names: { minutes: '会议纪要', record: '会议记录', volunteer: '志愿服务活动记录', turns: '发言明细', roster: '人员名录' },
  /** In every file name: 2025-08-21-思想圆桌派-会议纪要.docx. */
  project: '思想圆桌派',
  colon: '：',
  clauseSeparator: '，',
  listSeparator: '、',
  none: '无',
  /** A name with what tells it apart or explains it: a place, a reason for absence, a role. */
  aside: '{{text}}（{{aside}}）',
  /** The numbers of the sections, as the language counts them; past the last, digits. */
  sectionNumbers: '一 二 三 四 五 六 七 八 九 十',
  numberedSection: '{{number}}、{{heading}}',
  fields: { theme: '主题', time: '时间', venue: '地点', organiser: '组织单位', owner: '负责人', due: '完成期限', done: '已完成' },
  roles: { host: '主持人', recorder: '记录人', lecturer: '宣讲志愿者' },
  attendance: {
    heading: '参加人员',
    counts: '应到{{expected}}人，实到{{present}}人{{walkIns}}，缺席{{absent}}人{{unmarked}}。',
    walkInsIncluded_other: '（含列席{{count}}人）',
    notCheckedIn: '，未签到{{unmarked}}人',
    present: '出席（{{category}}）',
    walkIns: '列席（临时参加）',
    unmarked: '未签到',
    absentees: '缺席人员'
  },
  headings: {
    agenda: '议程',
    study: '第一阶段：学习研讨',
    roundtable: '第二阶段：圆桌时间',
    suggestions: '意见建议',
    decisions: '议定事项',
    summary: '总结',
    hostSummary: '主持人总结',
    statistics: '发言情况'
  },
  agenda: { kinds: { study: '学习研讨', roundtable: '圆桌时间', other: '其他' }, minutes: '分钟' },
  statistics: '共{{speakers}}人发言{{turns}}次，发言总时长{{total}}，平均每次{{average}}，掌声{{applause}}次。',
  record: {
    sections: { before: '会前', after: '会后补记', closing: '总结' },
    turn: '{{who}} {{time}} 发言 {{duration}}',
    lecture: '{{who}} {{time}} 宣讲',
    lectureTopic: '：{{topic}}',
    note: '{{who}} {{time}} 补记',
    moment: '{{who}} {{time}} 发言',
    marks: { raised_hand: '（举手插话）', again: '（再次发言）', skipped: '（跳过）', deferred: '（暂缓）', declined: '（不发言）' },
    adjourned: '{{time}} 散会。',
    signatures: '主持人（签字）：____________    记录人（签字）：____________',
    pageOf: '第 {{page}} 页 共 {{pages}} 页'
  },
  volunteer: {
    activity: '活动名称',
    project: '所属项目',
    projectName: '思想圆桌派新时代文明实践志愿服务项目',
    team: '组织团队',
    heading: '志愿者及服务时长',
    hours: '{{hours}}小时',
    reached: '服务对象',
    served: '服务群众{{people}}人（不含志愿者）',
    content: '活动内容',
    outcome: '活动成效'
  },
  turns: {
    columns: { speaker: '发言人', part: '环节', round: '轮次', kind: '类型', outcome: '结果', started: '开始时间', seconds: '时长（秒）', applause: '掌声' },
    kinds: { study: '学习研讨', round: '轮流发言', raised_hand: '举手插话', again: '再次发言' },
    outcomes: { speaking: '发言中', spoken: '已发言', skipped: '跳过', deferred: '暂缓', declined: '不发言' }
  },
  roster: {
    columns: { name: '姓名', gender: '性别', organisation: '单位', village: '村', categories: '类别', phone: '电话', note: '备注', status: '状态' },
    genders: { male: '男', female: '女' },
    archived: '已归档'
  }
} as const
