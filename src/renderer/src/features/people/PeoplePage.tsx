import { Badge, EmptyState, Group, Table, Text } from '@mantine/core'
import { IconUsersGroup } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useChannel } from '../../api/use-channel'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'

export function PeoplePage() {
  const { t } = useTranslation()
  const people = useChannel('people:list', {}, ['people:changed'])

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        actions={people.data && people.data.length > 0 && <Text c="dimmed">{t('people.count', { count: people.data.length })}</Text>}
      />
      {people.error && <ErrorNotice error={people.error} onRetry={people.reload} />}
      {!people.data && !people.error && <Loading />}
      {people.data?.length === 0 && (
        <EmptyState mt="xl" icon={<IconUsersGroup size={40} />} title={t('people.emptyTitle')} description={t('people.emptyDescription')} />
      )}
      {people.data && people.data.length > 0 && (
        <Table striped highlightOnHover verticalSpacing="sm" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.columns.name')}</Table.Th>
              <Table.Th>{t('people.columns.gender')}</Table.Th>
              <Table.Th>{t('people.columns.organisation')}</Table.Th>
              <Table.Th>{t('people.columns.categories')}</Table.Th>
              <Table.Th>{t('people.columns.phone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.data.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Td fw={600}>{person.name}</Table.Td>
                <Table.Td>{t(`people.gender.${person.gender ?? 'unknown'}`)}</Table.Td>
                <Table.Td>{[person.organisation, person.village].filter(Boolean).join(' · ')}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {person.categories.map((category) => (
                      <Badge key={category} variant="light" color="gray">
                        {category}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{person.phone}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
