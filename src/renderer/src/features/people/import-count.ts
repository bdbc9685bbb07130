import type { ImportPreview } from '@shared/domain'

export type Duplicates = 'skip' | 'update'

/**
 * How many people 导入 will really write: every readable row, less those already in the directory when they
 * are skipped (rows with problems are never among the readable ones).
 */
export function importCount(preview: Pick<ImportPreview, 'rows'> | null, onDuplicate: Duplicates): number {
  if (!preview) return 0
  return onDuplicate === 'skip' ? preview.rows.filter((row) => !row.duplicateOfId).length : preview.rows.length
}
