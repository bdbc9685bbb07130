import MarkdownIt from 'markdown-it'
import { afterEach, describe, expect, it } from 'vitest'
import { exportedBytes, runCleanups, valueOf } from '../../helpers'
import { runDemoSession } from './demo-session'

afterEach(runCleanups)

/** A strict CommonMark parser: what a chat group's or a notes app's renderer would make of the file. */
const commonMark = new MarkdownIt('commonmark')

/** The top-level blocks, each as its kind and its inline text. */
function blocksOf(markdown: string): { kind: string; text: string; bold: boolean }[] {
  const tokens = commonMark.parse(markdown, {})
  const blocks: { kind: string; text: string; bold: boolean }[] = []
  tokens.forEach((token, index) => {
    if (token.level !== 0 || !token.type.endsWith('_open')) return
    const inline = tokens[index + 1]
    const text = inline?.type === 'inline' ? inline.children!.filter((child) => child.type === 'text').map((child) => child.content).join('') : ''
    // markdown-it puts empty text tokens around a paragraph's emphasis.
    const children = inline?.type === 'inline' ? inline.children!.filter((child) => child.type !== 'text' || child.content !== '') : []
    const bold = children[0]?.type === 'strong_open' && children.at(-1)?.type === 'strong_close'
    blocks.push({ kind: token.tag, text, bold })
  })
  return blocks
}

const TRICKY = ['1. 这句话以数字和点开头，不是列表', '# 不是标题', '- 不是列表项', '**不是粗体** 和 <b>不是标签</b> & 引用 > 号', '多段发言的第一段\n\n第二段，中间空了一行\n第三段']

describe('the 会议纪要 as Markdown, read by a CommonMark parser', () => {
  it('heads each speaker’s block with their name, keeps every paragraph of every remark, and lets nothing typed become markup', async () => {
    const { core, sessionId } = await runDemoSession({}, async (remark) => {
      for (const text of TRICKY) await remark(text)
    })
    const markdown = exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document: 'minutes', format: 'markdown' })), 'download').toString('utf8')
    const blocks = blocksOf(markdown)
    expect(blocks[0]).toMatchObject({ kind: 'h1', text: '示例场次 · 思想圆桌派会议纪要' })
    expect(blocks.filter((block) => block.kind === 'h2').map((block) => block.text)).toEqual([
      '一、会议议程',
      '二、学习研讨',
      '三、交流发言',
      '四、意见建议',
      '五、议定事项',
      '六、会议总结'
    ])
    // Only headings and paragraphs: no list, code block, quote or HTML made of what someone said.
    expect(new Set(blocks.map((block) => block.kind))).toEqual(new Set(['h1', 'h2', 'p']))

    // Each speaker's name is a paragraph of its own, all bold, followed by their points, paragraph by paragraph.
    const speakers = blocks.filter((block) => block.bold).map((block) => block.text)
    expect(speakers).toEqual(['任肖彤（郑家镇党委）', '温乐义（温集新村）', '翟自恩（郑家镇辖区企业）'])
    const after = (name: string) => blocks.slice(blocks.findIndex((block) => block.text === name) + 1)
    const paragraphs = TRICKY.flatMap((text) => text.split('\n').filter((line) => line.trim() !== ''))
    expect(after('翟自恩（郑家镇辖区企业）').slice(0, paragraphs.length + 1).map((block) => block.text)).toEqual(['从工业发展带动城镇化进程方面谈谈想法。', ...paragraphs])
    expect(after('温乐义（温集新村）').slice(0, 2).map((block) => block.text)).toEqual([
      '要把握未来发展的主动权,先要正确认识我们目前所处的发展阶段。',
      '通过党的好政策,让乡亲们的腰包鼓起来。'
    ])
  })

  it('carries the facts of the 纪要: attendance, decisions with owner and deadline, the summary, 落款 and 成文日期', async () => {
    const { core, sessionId } = await runDemoSession()
    const text = async (format: 'markdown' | 'text') =>
      exportedBytes(valueOf(await core.invoke('minutes:export', { sessionId, document: 'minutes', format, writtenOn: '2025-08-25' })), 'download').toString('utf8')
    for (const format of ['markdown', 'text'] as const) {
      const exported = await text(format)
      for (const fact of ['应到9人，实到8人，缺席1人。', '请假：张秀兰（外出务工）', '（一）组织光伏合作社参观学习（负责人：温乐义）（完成期限：2025年9月30日）', '大家畅所欲言,气氛热烈。', '郑家镇新时代文明实践所', '2025年8月25日']) {
        expect(exported, `${format}: ${fact}`).toContain(fact)
      }
    }
  })
})
