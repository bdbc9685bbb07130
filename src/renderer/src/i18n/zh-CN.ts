/** Simplified Chinese: the default, and the source of truth for the keys. Words follow DESIGN.md §8. */
export const zhCN = {
  app: {
    name: '圆桌派',
    tagline: '思想圆桌派 · 场次、发言与纪要',
    skipToContent: '跳到主要内容',
    navigation: '主导航'
  },
  nav: {
    sessions: '场次',
    people: '人员',
    themes: '主题',
    search: '搜索',
    settings: '设置'
  },
  common: {
    loading: '正在加载…',
    retry: '重试',
    save: '保存',
    saving: '正在保存…',
    notFoundPage: '没有这个页面',
    backHome: '返回场次',
    cancel: '取消',
    close: '关闭',
    add: '添加',
    remove: '移除',
    moveUp: '上移',
    moveDown: '下移',
    none: '无'
  },
  sessions: {
    title: '场次',
    description: '计划、进行和回顾每一场思想圆桌派。',
    upcoming: '即将举行',
    past: '往期',
    emptyUpcomingTitle: '没有即将举行的场次',
    emptyPastTitle: '还没有往期场次',
    emptyDescription: '计划好的场次会按日期显示在这里。',
    columns: { date: '时间', title: '场次', theme: '主题', venue: '地点', status: '状态' },
    status: { planned: '计划中', live: '进行中', ended: '已结束', cancelled: '已取消' }
  },
  people: {
    title: '人员',
    description: '参加圆桌派的党员、干部、群众和志愿者。',
    emptyTitle: '人员名录还是空的',
    emptyDescription: '新建人员或导入花名册后,名单会显示在这里。',
    noMatch: '没有符合筛选条件的人员。',
    count: '共 {{count}} 人',
    new: '新建人员',
    edit: '编辑人员',
    editNamed: '编辑 {{name}}',
    moreNamed: '{{name}} 的更多操作',
    created: '已添加 {{name}}',
    updated: '已保存 {{name}}',
    archive: '归档',
    restore: '取消归档',
    archived: '已归档 {{name}}',
    restored: '已取消归档 {{name}}',
    archivedBadge: '已归档',
    delete: '删除',
    cannotDelete: '参加过场次,只能归档',
    deleteTitle: '删除 {{name}}?',
    deleteMessage: '此人没有参加过任何场次,删除后无法恢复;如果已被邀请到计划中的场次,也会从名单中移除。',
    deleted: '已删除 {{name}}',
    columns: { name: '姓名', gender: '性别', organisation: '单位/村', categories: '类别', phone: '电话', actions: '操作' },
    fields: {
      name: '姓名',
      gender: '性别',
      organisation: '单位',
      village: '村',
      categories: '类别',
      categoriesHint: '可多选,也可以输入新的类别后按回车。',
      phone: '电话',
      note: '备注'
    },
    gender: { male: '男', female: '女', unknown: '—', notGiven: '不填' },
    filters: {
      search: '查找',
      searchPlaceholder: '姓名、单位、村或电话',
      categories: '类别',
      place: '单位/村',
      any: '全部',
      showArchived: '显示已归档'
    },
    import: {
      button: '导入',
      title: '导入花名册',
      intro: '选择 Excel(.xlsx)或 CSV 文件。先预览,确认无误后再导入;导入前不会写入任何内容。',
      choose: '选择文件',
      tooLarge: '文件太大(超过 700 KB)。请把花名册拆成几个文件分别导入。',
      mappingTitle: '各列对应的内容(第 {{row}} 行是表头)',
      column: '第 {{number}} 列',
      notImported: '不导入',
      readable: '可导入 {{count}} 人',
      duplicates: '已在名录中 {{count}} 人',
      problemCount: '有问题 {{count}} 行',
      problemsTitle: '以下行无法导入',
      problemLine: '第 {{row}} 行:{{reason}}',
      problems: {
        name_missing: '没有姓名',
        name_too_long: '姓名太长',
        gender_unknown: '性别“{{value}}”无法识别,请填写 男 或 女',
        phone_invalid: '电话“{{value}}”格式不正确',
        too_long: '{{field}}内容太长',
        duplicate_in_file: '与前面的行重复(姓名和单位相同)'
      },
      fileProblems: {
        file_type: '无法读取这个文件。请选择 Excel(.xlsx)或 CSV 文件;旧版 .xls 请先在 Excel/WPS 中另存为 .xlsx。',
        file_empty: '文件里没有可导入的内容。'
      },
      onDuplicate: '已在名录中的人员:',
      skip: '跳过',
      update: '用文件中的信息更新',
      previewTable: '导入预览',
      row: '行号',
      existing: '已存在',
      more: '另有 {{count}} 人未在预览中显示',
      skipInvalid: '跳过有问题的 {{count}} 行,只导入其余的',
      confirm: '导入 {{count}} 人',
      done: '导入完成:新增 {{created}} 人,更新 {{updated}} 人,跳过 {{skipped}} 人'
    },
    export: { button: '导出', xlsx: '导出为 Excel(.xlsx)', csv: '导出为 CSV' }
  },
  themes: {
    title: '主题',
    description: '学习研讨的主题和学习材料。',
    emptyTitle: '主题库还是空的',
    emptyDescription: '添加的主题会显示在这里,新建场次时可以直接选用。',
    columns: { title: '主题', tags: '标签', sessions: '已用场次' },
    sessionCount: '{{count}} 场'
  },
  search: {
    title: '搜索',
    description: '在场次、主题和人员中查找。',
    label: '关键词',
    placeholder: '输入关键词,例如 乡村振兴',
    hint: '输入关键词后按回车,或稍等片刻即可看到结果。',
    noResults: '没有找到与「{{query}}」相关的内容。',
    resultCount: '找到 {{count}} 条结果',
    kinds: { session: '场次', theme: '主题', person: '人员' }
  },
  settings: {
    title: '设置',
    description: '这些设置保存在本机的数据库中。',
    language: '界面语言',
    languageDescription: '切换后立即生效,下次打开时保持不变。',
    languages: { 'zh-CN': '简体中文', en: 'English' },
    organisation: '单位信息',
    organisationName: '组织单位名称',
    organisationNameDescription: '会议纪要和记录中作为组织单位显示。',
    defaultVenue: '默认地点',
    defaultVenueDescription: '新建场次时预先填好的地点。',
    saved: '设置已保存',
    about: '关于',
    version: '版本',
    schemaVersion: '数据库结构版本',
    databaseFile: '数据文件'
  },
  errors: {
    title: '操作没有完成',
    invalid_input: '输入有误,请检查标出的内容后再试。',
    not_found: '找不到这条记录,它可能已被删除。',
    conflict: '这条记录已被修改,请刷新后再试。',
    unknown_channel: '应用内部错误:未知的操作。请更新应用。',
    forbidden: '请求被拒绝:它不是来自圆桌派的窗口。',
    internal: '应用出了点问题,没有做任何更改。请再试一次;如果一直出现,请联系管理员。',
    network: '连接不上圆桌派服务。请确认应用仍在运行,然后刷新页面。',
    unauthorized: '访问令牌无效或已过期。请用启动时显示的完整地址重新打开。'
  },
  validation: {
    required: '此项必填',
    too_big: '不能超过 {{max}} 个字符',
    too_small: '不能少于 {{min}}',
    invalid_type: '格式不正确',
    invalid_format: '格式不正确',
    invalid_value: '不是可选的值',
    unrecognized_keys: '包含未知的字段:{{keys}}',
    custom: '内容不符合要求'
  }
} as const

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> }
/** Every other language must have exactly these keys (a missing one is a compile error). */
export type Translation = Widen<typeof zhCN>
