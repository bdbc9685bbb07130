import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { ColumnMapping, ImportPreview } from '@shared/domain'
import type { AppError } from '@shared/result'
import type { Duplicates } from './import-count'
import { api } from '../../api'
import { useAction } from '../../api/use-action'
import { fileToBase64 } from '../../shell/download'
import { importCount } from './import-count'

/** Matches the contract's limit on the encoded file (about 700 KB). */
const MAX_FILE_BYTES = 700 * 1024

interface Chosen {
  fileName: string
  contentBase64: string
}

export type { Duplicates } from './import-count'

/**
 * The import's two steps: each choice of file or of column mapping asks core for a new preview (nothing
 * is written); the commit sends the file again with the mapping and choices the preview was made with.
 */
export function useRosterImport(onDone: () => void) {
  const { t } = useTranslation()
  const [file, setFile] = useState<Chosen | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [previewError, setPreviewError] = useState<AppError | 'too_large'>()
  const [onDuplicate, setOnDuplicate] = useState<Duplicates>('skip')
  const [skipInvalid, setSkipInvalid] = useState(false)
  const commit = useAction('people:importCommit')

  async function load(chosen: Chosen, mapping?: ColumnMapping): Promise<void> {
    const result = await api.invoke('people:importPreview', { ...chosen, ...(mapping ? { mapping } : {}) })
    setPreview(result.ok ? result.value : null)
    setPreviewError(result.ok ? undefined : result.error)
  }

  async function choose(picked: File | null): Promise<void> {
    if (!picked) return
    setPreview(null)
    commit.reset()
    if (picked.size > MAX_FILE_BYTES) {
      setFile(null)
      setPreviewError('too_large')
      return
    }
    const chosen = { fileName: picked.name, contentBase64: await fileToBase64(picked) }
    setFile(chosen)
    await load(chosen)
  }

  async function confirm(): Promise<void> {
    if (!file || !preview) return
    const result = await commit.run({ ...file, mapping: preview.mapping, onDuplicate, skipInvalid })
    if (!result.ok) return
    notifications.show({ color: 'green', message: t('people.import.done', { ...result.value }) })
    onDone()
  }

  const remap = (mapping: ColumnMapping): void => {
    if (file) void load(file, mapping)
  }
  // One row can have several problems; the user skips rows.
  const badRows = new Set(preview?.problems.map((problem) => problem.row)).size
  const blocked = !preview || (preview.problems.length > 0 && !skipInvalid) || importCount(preview, onDuplicate) === 0
  const choices = { onDuplicate, setOnDuplicate, skipInvalid, setSkipInvalid, badRows }
  return { file, preview, previewError, commit, choose, remap, confirm, blocked, choices }
}

export type ImportChoices = ReturnType<typeof useRosterImport>['choices']
