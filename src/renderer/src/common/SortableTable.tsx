import { Group, Table, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react'
import { useMemo, useState, type ReactNode } from 'react'

export interface SortableColumn<Row> {
  key: string
  label: string
  /** What the column sorts by; null sorts last whichever way. */
  value: (row: Row) => string | number | null
  /** How the cell shows; the value as text when absent. */
  render?: (row: Row) => ReactNode
  /** Numbers align right and sort largest first on the first click. */
  numeric?: boolean
}

interface Sort {
  key: string
  descending: boolean
}

/** Chinese names sort in pinyin order, as the directory does. */
const collator = new Intl.Collator('zh-CN', { numeric: true })

export function sortRows<Row>(rows: readonly Row[], column: SortableColumn<Row> | undefined, descending: boolean): Row[] {
  if (!column) return [...rows]
  const sign = descending ? -1 : 1
  return [...rows].sort((a, b) => {
    const x = column.value(a)
    const y = column.value(b)
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)))
  })
}

/**
 * A table whose headers sort it: a click sorts by that column, a second click turns the order round. Rows
 * arrive in the order core gives (the page's first order) until a header is clicked.
 */
export function SortableTable<Row>({
  rows,
  columns,
  rowKey,
  caption,
  empty,
  testId
}: {
  rows: readonly Row[]
  columns: SortableColumn<Row>[]
  rowKey: (row: Row) => string
  caption: string
  empty: string
  testId?: string
}) {
  const [sort, setSort] = useState<Sort | null>(null)
  const sorted = useMemo(() => sortRows(rows, columns.find((column) => column.key === sort?.key), sort?.descending ?? false), [rows, columns, sort])
  if (rows.length === 0) {
    return (
      <Text c="dimmed" py="sm" data-testid={testId}>
        {empty}
      </Text>
    )
  }
  const choose = (column: SortableColumn<Row>) =>
    setSort((current) => (current?.key === column.key ? { key: column.key, descending: !current.descending } : { key: column.key, descending: column.numeric === true }))
  return (
    <Table striped highlightOnHover verticalSpacing="xs" aria-label={caption} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => {
            const active = sort?.key === column.key
            const Icon = !active ? IconSelector : sort.descending ? IconChevronDown : IconChevronUp
            return (
              <Table.Th key={column.key} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} style={{ whiteSpace: 'nowrap' }}>
                <UnstyledButton onClick={() => choose(column)} w="100%">
                  <Group gap={4} justify={column.numeric ? 'flex-end' : 'flex-start'} wrap="nowrap">
                    <Text fw={600} size="sm">
                      {column.label}
                    </Text>
                    <Icon size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Table.Th>
            )
          })}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((row) => (
          <Table.Tr key={rowKey(row)}>
            {columns.map((column) => (
              <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined} style={column.numeric ? { fontVariantNumeric: 'tabular-nums' } : undefined}>
                {column.render ? column.render(row) : (column.value(row) ?? '')}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
