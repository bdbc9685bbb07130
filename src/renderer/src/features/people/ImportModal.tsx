import { Alert, Badge, Button, Checkbox, FileButton, Group, List, Modal, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconFileSpreadsheet } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_FIELDS, type ColumnMapping, type ImportPreview, type ImportProblem } from '@shared/domain'
import type { AppError } from '@shared/result'
import { api } from '../../api'
import { useAction } from '../../api/use-action'
import { fileToBase64 } from '../../shell/download'
import { ErrorNotice } from '../../shell/ErrorNotice'

const PREVIEW_ROWS = 100
/** Matches the contract's limit on the encoded file (about 700 KB). */
const MAX_FILE_BYTES = 700 * 1024

interface Chosen {
  fileName: string
  contentBase64: string
}

/** Preview first, with the columns mapped and every unreadable row named; nothing is written until 导入. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const [file, setFile] = useState<Chosen | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [previewError, setPreviewError] = useState<AppError | 'too_large'>()
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip')
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
    onClose()
  }

  const duplicates = preview?.rows.filter((row) => row.duplicateOfId).length ?? 0
  // One row can have several problems; the user skips rows.
  const badRows = new Set(preview?.problems.map((problem) => problem.row)).size
  const blocked = !preview || (preview.problems.length > 0 && !skipInvalid) || preview.rows.length === 0
  const columnOptions = (preview?.headers ?? []).map((header, index) => ({
    value: String(index),
    label: header || t('people.import.column', { number: index + 1 })
  }))

  return (
    <Modal opened onClose={onClose} title={t('people.import.title')} size="90%">
      <Stack>
        <Text c="dimmed">{t('people.import.intro')}</Text>
        <Group>
          <FileButton onChange={(picked) => void choose(picked)} accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv">
            {(props) => (
              <Button {...props} size="md" leftSection={<IconFileSpreadsheet size={20} />}>
                {t('people.import.choose')}
              </Button>
            )}
          </FileButton>
          {file && <Text fw={600}>{file.fileName}</Text>}
        </Group>

        {previewError === 'too_large' && <Alert color="red" icon={<IconAlertTriangle />}>{t('people.import.tooLarge')}</Alert>}
        {previewError && previewError !== 'too_large' && <FileError error={previewError} />}

        {preview && (
          <>
            <Text fw={700}>{t('people.import.mappingTitle', { row: preview.headerRow })}</Text>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              {IMPORT_FIELDS.map((field) => (
                <Select
                  key={field}
                  label={t(`people.fields.${field}`)}
                  placeholder={t('people.import.notImported')}
                  data={columnOptions}
                  value={preview.mapping[field] === null ? null : String(preview.mapping[field])}
                  onChange={(value) => file && void load(file, { ...preview.mapping, [field]: value === null ? null : Number(value) })}
                  clearable
                />
              ))}
            </SimpleGrid>

            <Group gap="lg">
              <Badge size="lg" color="green" variant="light">
                {t('people.import.readable', { count: preview.rows.length })}
              </Badge>
              <Badge size="lg" color="orange" variant="light">
                {t('people.import.duplicates', { count: duplicates })}
              </Badge>
              <Badge size="lg" color={badRows ? 'red' : 'gray'} variant="light">
                {t('people.import.problemCount', { count: badRows })}
              </Badge>
            </Group>

            {preview.problems.length > 0 && <ProblemList problems={preview.problems} />}

            {duplicates > 0 && (
              <Group>
                <Text id="duplicates-label">{t('people.import.onDuplicate')}</Text>
                <SegmentedControl
                  aria-labelledby="duplicates-label"
                  value={onDuplicate}
                  onChange={(value) => setOnDuplicate(value as 'skip' | 'update')}
                  data={[
                    { value: 'skip', label: t('people.import.skip') },
                    { value: 'update', label: t('people.import.update') }
                  ]}
                />
              </Group>
            )}

            <ScrollArea.Autosize mah={320}>
              <Table striped fz="sm" stickyHeader aria-label={t('people.import.previewTable')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('people.import.row')}</Table.Th>
                    {IMPORT_FIELDS.map((field) => (
                      <Table.Th key={field}>{t(`people.fields.${field}`)}</Table.Th>
                    ))}
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.slice(0, PREVIEW_ROWS).map(({ row, person, duplicateOfId }) => (
                    <Table.Tr key={row}>
                      <Table.Td>{row}</Table.Td>
                      <Table.Td fw={600}>{person.name}</Table.Td>
                      <Table.Td>{person.gender ? t(`people.gender.${person.gender}`) : ''}</Table.Td>
                      <Table.Td>{person.organisation}</Table.Td>
                      <Table.Td>{person.village}</Table.Td>
                      <Table.Td>{person.categories.join('、')}</Table.Td>
                      <Table.Td>{person.phone}</Table.Td>
                      <Table.Td>{person.note}</Table.Td>
                      <Table.Td>{duplicateOfId && <Badge color="orange">{t('people.import.existing')}</Badge>}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            {preview.rows.length > PREVIEW_ROWS && <Text c="dimmed">{t('people.import.more', { count: preview.rows.length - PREVIEW_ROWS })}</Text>}

            {preview.problems.length > 0 && (
              <Checkbox
                size="md"
                label={t('people.import.skipInvalid', { count: badRows })}
                checked={skipInvalid}
                onChange={(event) => setSkipInvalid(event.currentTarget.checked)}
              />
            )}
          </>
        )}

        {commit.error && <FileError error={commit.error} />}
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button size="md" disabled={blocked} loading={commit.running} onClick={() => void confirm()}>
            {t('people.import.confirm', { count: preview?.rows.length ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function ProblemList({ problems }: { problems: ImportProblem[] }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('people.import.problemsTitle')}>
      <ScrollArea.Autosize mah={160}>
        <List size="sm" spacing={2}>
          {problems.map((problem) => (
            <List.Item key={`${problem.row}-${problem.code}-${problem.field ?? ''}`}>
              {t('people.import.problemLine', {
                row: problem.row,
                reason: t(`people.import.problems.${problem.code}`, {
                  field: problem.field ? t(`people.fields.${problem.field}`) : '',
                  value: problem.value ?? ''
                })
              })}
            </List.Item>
          ))}
        </List>
      </ScrollArea.Autosize>
    </Alert>
  )
}

/** The file could not be read (wrong type, empty) or was refused at commit: say which and why. */
function FileError({ error }: { error: AppError }) {
  const { t } = useTranslation()
  const fileIssue = error.issues?.find((issue) => issue.path[0] === 'contentBase64')
  if (fileIssue) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />}>
        {t(`people.import.fileProblems.${fileIssue.code}` as 'people.import.fileProblems.file_type', {
          ...fileIssue.params,
          defaultValue: t('errors.invalid_input')
        })}
      </Alert>
    )
  }
  const rowIssues = error.issues?.filter((issue) => issue.path[0] === 'rows') ?? []
  if (rowIssues.length > 0) {
    return (
      <ProblemList
        problems={rowIssues.map((issue) => ({
          row: Number(issue.params?.row ?? issue.path[1]),
          code: issue.code as ImportProblem['code'],
          ...(issue.params?.field ? { field: issue.params.field as ImportProblem['field'] } : {}),
          ...(issue.params?.value ? { value: String(issue.params.value) } : {})
        }))}
      />
    )
  }
  return <ErrorNotice error={error} />
}
