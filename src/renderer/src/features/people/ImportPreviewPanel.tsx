import { Badge, Checkbox, Group, ScrollArea, SegmentedControl, Select, SimpleGrid, Table, Text } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'
import { IMPORT_FIELDS, type ColumnMapping, type ImportPreview } from '@shared/domain'
import { ProblemList } from './ImportProblems'
import type { Duplicates, ImportChoices } from './use-roster-import'

const PREVIEW_ROWS = 100

interface Props {
  preview: ImportPreview
  onRemap: (mapping: ColumnMapping) => void
  choices: ImportChoices
}

/** What core read from the file: the column mapping (to correct), the counts, the problems and the rows. */
export function ImportPreviewPanel({ preview, onRemap, choices }: Props) {
  const { t } = useTranslation()
  const duplicates = preview.rows.filter((row) => row.duplicateOfId).length
  return (
    <>
      <Text fw={700}>{t('people.import.mappingTitle', { row: preview.headerRow })}</Text>
      <MappingFields preview={preview} onRemap={onRemap} />
      <Group gap="lg">
        <Badge size="lg" color="green" variant="light">
          {t('people.import.readable', { count: preview.rows.length })}
        </Badge>
        <Badge size="lg" color="orange" variant="light">
          {t('people.import.duplicates', { count: duplicates })}
        </Badge>
        <Badge size="lg" color={choices.badRows ? 'red' : 'gray'} variant="light">
          {t('people.import.problemCount', { count: choices.badRows })}
        </Badge>
      </Group>

      {preview.problems.length > 0 && <ProblemList problems={preview.problems} />}

      {duplicates > 0 && (
        <Group>
          <Text id="duplicates-label">{t('people.import.onDuplicate')}</Text>
          <SegmentedControl
            aria-labelledby="duplicates-label"
            value={choices.onDuplicate}
            onChange={(value) => choices.setOnDuplicate(value as Duplicates)}
            data={[
              { value: 'skip', label: t('people.import.skip') },
              { value: 'update', label: t('people.import.update') }
            ]}
          />
        </Group>
      )}

      <PreviewTable preview={preview} />
      {preview.rows.length > PREVIEW_ROWS && <Text c="dimmed">{t('people.import.more', { count: preview.rows.length - PREVIEW_ROWS })}</Text>}

      {preview.problems.length > 0 && (
        <Checkbox
          size="md"
          label={t('people.import.skipInvalid', { count: choices.badRows })}
          checked={choices.skipInvalid}
          onChange={(event) => choices.setSkipInvalid(event.currentTarget.checked)}
        />
      )}
    </>
  )
}

/** Which column of the file holds each field; a change asks for a new preview. */
function MappingFields({ preview, onRemap }: Omit<Props, 'choices'>) {
  const { t } = useTranslation()
  const columnOptions = preview.headers.map((header, index) => ({
    value: String(index),
    label: header || t('people.import.column', { number: index + 1 })
  }))
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      {IMPORT_FIELDS.map((field) => (
        <Select
          key={field}
          label={t(`people.fields.${field}`)}
          placeholder={t('people.import.notImported')}
          data={columnOptions}
          value={preview.mapping[field] === null ? null : String(preview.mapping[field])}
          onChange={(value) => onRemap({ ...preview.mapping, [field]: value === null ? null : Number(value) })}
          clearable
        />
      ))}
    </SimpleGrid>
  )
}

/** The first rows as they will be stored, existing people marked. */
function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation()
  return (
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
  )
}
