/**
 * The words of the documents (会议纪要, 会议记录, 志愿服务活动记录, 签到表, 会议通知, the turns and roster tables), in Simplified
 * Chinese: the default, and the source of truth for the keys of the i18next namespace `documents`. Core makes
 * the documents with them; the renderer names the documents with the same keys. A piece shown only sometimes
 * (`walkInsIncluded`, `notCheckedIn`, `lectureTopic`) is its own key, composed in code.
 */
export const documentsZhCN = {
  /** The documents' names: titles, file names, and the export dialog. */
  names: { minutes: '会议纪要', record: '会议记录', volunteer: '志愿服务活动记录', signin: '签到表', notice: '会议通知', turns: '发言明细', roster: '人员名录' },
  /** A title that differs from the file's name: the form is a 表. */
  titles: { volunteer: '志愿服务活动记录表' },
  /** In every file name: 2025-08-21-思想圆桌派-会议纪要.docx. */
  project: '思想圆桌派',
  colon: '：',
  clauseSeparator: '，',
  listSeparator: '、',
  none: '无',
  /** A name with what tells it apart or explains it: a place, a reason for absence, a role. */
  aside: '{{text}}（{{aside}}）',
  /** The numbers of the sections, as the language counts them; past the last, digits. */
  sectionNumbers: '一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三 二十四 二十五 二十六 二十七 二十八 二十九 三十',
  /** GB/T 9704 §7.3.3: 一、 then （一） then 1. then （1）. */
  numberedSection: '{{number}}、{{heading}}',
  numberedSubsection: '（{{number}}）{{heading}}',
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
    absentees: '缺席人员',
    /** The 会议纪要's word (GB/T 9704 §10.3) for the absent, with reasons. */
    leave: '请假'
  },
  headings: {
    agenda: '会议议程',
    study: '学习研讨',
    roundtable: '交流发言',
    proceedings: '会议内容',
    suggestions: '意见建议',
    decisions: '议定事项',
    summary: '会议总结',
    hostSummary: '主持人总结'
  },
  /** The 会议纪要's own sentences. */
  minutes: {
    opening: '{{date}}，{{organiser}}在{{venue}}召开{{title}}，{{host}}围绕“{{theme}}”开展{{parts}}。现将会议主要内容纪要如下：',
    hostedBy: '由{{host}}主持，',
    parts: { study: '学习研讨', roundtable: '圆桌交流' },
    lecture: '{{time}}{{lecturer}}作宣讲，题为“{{topic}}”。',
    lectureUntitled: '{{time}}{{lecturer}}作宣讲。',
    speakers: '{{names}}先后发言，主要观点如下：',
    speakersNoPoints: '{{names}}先后发言。',
    photos: '附件：活动照片'
  },
  agenda: { kinds: { study: '学习研讨', roundtable: '圆桌时间', other: '其他' }, minutes: '分钟' },
  record: {
    sections: { before: '会前', after: '会后补记', closing: '总结' },
    turn: '{{who}} {{time}} 发言 {{duration}}',
    lecture: '{{who}} {{time}} 宣讲',
    lectureTopic: '：{{topic}}',
    note: '{{who}} {{time}} 补记',
    moment: '{{who}} {{time}} 发言',
    marks: { raised_hand: '（举手插话）', again: '（再次发言）', skipped: '（跳过）', deferred: '（暂缓）', declined: '（不发言）' },
    adjourned: '{{time}} 散会。',
    signatures: '主持人（签字）：__________    记录人（签字）：__________',
    pageOf: '第 {{page}} 页 共 {{pages}} 页'
  },
  volunteer: {
    activity: '活动名称',
    project: '所属项目',
    projectName: '思想圆桌派新时代文明实践志愿服务项目',
    time: '活动时间',
    venue: '活动地点',
    organiser: '组织单位',
    contact: '联系人',
    phone: '联系电话',
    volunteers: '志愿者人数',
    served: '服务对象人数',
    people: '{{count}}人',
    servedNote: '{{count}}人（不含志愿者）',
    content: '活动内容',
    contentTheme: '围绕“{{theme}}”开展学习研讨和圆桌交流。',
    contentLecture: '{{lecturer}}宣讲“{{topic}}”。',
    contentSpeakers: '{{count}}名群众作交流发言。',
    outcome: '活动成效',
    roster: '志愿者名单',
    columns: { number: '序号', name: '姓名', role: '角色', signIn: '签到时间', signOut: '签退时间', hours: '服务时长（小时）' },
    photos: '活动照片',
    noPhotos: '（未选用照片）',
    recorder: '记录人',
    reviewer: '审核人（签字）',
    seal: '（盖章）\n\n年　　月　　日'
  },
  /** 签到表, printed before the session: one row per person invited, then numbered blank rows for walk-ins. */
  signin: {
    title: '{{title}}签到表',
    columns: { number: '序号', name: '姓名', place: '单位（村）', identity: '身份', signature: '签名', note: '备注' }
  },
  /** 会议通知, sent before the session: what, when, where, who, the agenda, and what to prepare. */
  notice: {
    title: '关于召开{{title}}的通知',
    salutation: '各位参会人员：',
    opening: '{{organiser}}定于{{date}}{{venue}}召开{{title}}，围绕“{{theme}}”开展{{parts}}。现将有关事项通知如下：',
    /** Pieces of the opening, each left out when the plan does not say. */
    organisedBy: '{{organiser}}',
    atVenue: '在{{venue}}',
    headings: { time: '会议时间', venue: '会议地点', attendees: '参加人员', requirements: '有关要求' },
    attendees_other: '共{{count}}人。{{groups}}。',
    groupSeparator: '；',
    otherAttendees: '其他人员',
    study: '请提前学习宣讲内容：{{topics}}。',
    prepare: '请围绕“{{theme}}”，结合本村、本单位实际准备发言{{limit}}。',
    speakingLimit: '，每人发言一般不超过{{duration}}',
    onTime: '请准时参会，提前10分钟到场签到。',
    leaveHost: '因故不能参会的，请提前向主持人{{host}}请假。',
    leave: '因故不能参会的，请提前请假。',
    contact: '联系人：{{name}}{{phone}}',
    phone: '，联系电话：{{phone}}'
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
  },
  ledger: {
    names: { year: '年度台账', volunteerHours: '志愿服务时长汇总' },
    /** 年度台账-2025-01-01至2025-12-31: the period's first and last days. */
    fileName: '{{name}}-{{from}}至{{to}}',
    sheets: { year: '年度台账', details: '服务时长明细', totals: '个人合计' },
    yearColumns: {
      date: '日期',
      title: '场次名称',
      theme: '主题',
      venue: '地点',
      host: '主持人',
      recorder: '记录人',
      expected: '应到',
      present: '实到',
      absent: '缺席',
      speakers: '发言人数',
      remarks: '发言条数',
      decisions: '议定事项数',
      volunteerHours: '志愿服务时长（小时）'
    },
    hoursColumns: { name: '姓名', phone: '手机号', activity: '活动名称', date: '服务日期', hours: '服务时长（小时）' },
    totalsColumns: { name: '姓名', phone: '手机号', sessions: '服务场次', hours: '服务时长合计（小时）' }
  },
  /** 统计简报 (statistics:print): the period's figures on one page. */
  brief: {
    title: '思想圆桌派统计简报',
    period: '统计期间：{{from}}至{{to}}',
    separator: '；',
    listSeparator: '、',
    villages: '范围：{{names}}',
    themesChosen: '所选主题{{count}}个',
    madeOn: '制表日期：{{date}}',
    figures: {
      held: '已举行场次',
      planned: '计划中',
      cancelled: '已取消',
      people: '参与人数',
      present: '出席人次',
      turns: '发言人次',
      remarks: '发言记录',
      decisionsOpen: '未办结事项',
      overdue: '逾期事项',
      hours: '志愿服务时长（小时）'
    },
    headings: { perMonth: '一、每月场次', themes: '二、主题', villages: '三、各村发言人次', followUp: '四、需要关注', volunteers: '五、志愿服务' },
    month: '{{month}}月',
    monthWithYear: '{{year}}年{{month}}月',
    sessionsN_other: '{{count}}场',
    turnsShare: '{{count}}人次（{{percent}}%）',
    moreThemes: '另有{{count}}个主题',
    morePlaces: '另有{{count}}个村（单位）',
    noPlace: '未填村（社区）或单位',
    none: '无',
    noOwner: '未指定负责人',
    andMore: '{{names}}等{{count}}人',
    silent: '参加但未发言（连续{{n}}场以上出席未发言）{{count}}人：{{names}}。',
    notSeen: '久未参加（连续{{n}}次以上受邀未出席）{{count}}人：{{names}}。',
    decisions: '议定事项：未办结{{open}}项，其中逾期{{overdue}}项；已办结{{done}}项。',
    overdueOwners: '逾期事项负责人：{{names}}。',
    volunteers: '{{count}}名志愿者共服务{{hours}}小时：{{list}}。',
    volunteerHours: '{{name}}{{hours}}小时'
  }
} as const
