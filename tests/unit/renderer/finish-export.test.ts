import { notifications } from '@mantine/notifications'
import type { ReactElement } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { api } from '../../../src/renderer/src/api'
import { downloadFile } from '../../../src/renderer/src/shell/download'
import { finishExport } from '../../../src/renderer/src/shell/save-file'
import type { ExportOutcome } from '../../../src/shared/domain'

// The page's surroundings, faked (vi.mock is hoisted above the imports): core, the texts, the browser download, the notes.

vi.mock('../../../src/renderer/src/api', () => ({ api: { invoke: vi.fn(async () => ({ ok: true, value: {} })) }, transportName: 'ipc' }))
vi.mock('../../../src/renderer/src/i18n', () => ({ default: { t: (key: string) => key } }))
vi.mock('../../../src/renderer/src/shell/download', () => ({ downloadFile: vi.fn() }))
vi.mock('@mantine/notifications', () => ({ notifications: { show: vi.fn(() => 'saved-note'), hide: vi.fn() } }))

beforeEach(() => vi.clearAllMocks())

const PATH = '/home/组织者/文档/2025-08-21-思想圆桌派-会议记录.pdf'

describe('after 导出 (core made the file and, on the desktop, saved it)', () => {
  it('saved: a note says where, and its 打开所在文件夹 asks core to show that file', () => {
    finishExport({ kind: 'saved', fileName: '2025-08-21-思想圆桌派-会议记录.pdf', path: PATH })
    expect(notifications.show).toHaveBeenCalledTimes(1)
    const note = vi.mocked(notifications.show).mock.calls[0]![0]
    const [text, reveal] = (note.message as ReactElement<{ children: ReactElement<{ onClick?: () => void }>[] }>).props.children
    expect(text).toBeDefined()
    reveal!.props.onClick!()
    expect(notifications.hide).toHaveBeenCalledWith('saved-note')
    expect(api.invoke).toHaveBeenCalledWith('files:reveal', { path: PATH })
    expect(downloadFile).not.toHaveBeenCalled()
  })

  it('download (the web bridge): the browser downloads the bytes, under the name and type core gave', () => {
    const outcome: ExportOutcome = { kind: 'download', fileName: '人员名录-2025-08-21.csv', mimeType: 'text/csv', contentBase64: '77u/5aeT5ZCNDQo=' }
    finishExport(outcome)
    expect(downloadFile).toHaveBeenCalledWith(expect.objectContaining({ fileName: '人员名录-2025-08-21.csv', mimeType: 'text/csv', contentBase64: '77u/5aeT5ZCNDQo=' }))
    expect(notifications.show).not.toHaveBeenCalled()
  })

  it('cancelled: nothing at all', () => {
    finishExport({ kind: 'cancelled', fileName: '2025-08-21-思想圆桌派-会议纪要.docx' })
    expect(notifications.show).not.toHaveBeenCalled()
    expect(downloadFile).not.toHaveBeenCalled()
    expect(api.invoke).not.toHaveBeenCalled()
  })
})
