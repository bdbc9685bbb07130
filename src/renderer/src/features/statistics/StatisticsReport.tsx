import { Group, Paper, Progress, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core'
import { BarChart } from '@mantine/charts'
import type { TFunction } from 'i18next'
import { useTranslation } from '../../i18n/use-translation'
import type { PersonParticipation, Statistics, ThemeCount } from '@shared/statistics'
import { SortableTable, type SortableColumn } from '../../common/SortableTable'
import { DecisionsByOwner, NotSeenList, SilentList, VolunteerHoursTable } from './PeopleLists'
import { PersonLink, Section } from './Section'

interface Props {
  statistics: Statistics
  silentN: number
  onSilentN: (n: number) => void
  absentN: number
  onAbsentN: (n: number) => void
  /** A newer answer is on its way: the figures shown are the last period's. */
  loading: boolean
}

/** The 统计 page's figures, in the order an organiser reads them: sessions, themes, people, then follow-ups. */
export function StatisticsReport({ statistics, silentN, onSilentN, absentN, onAbsentN, loading }: Props) {
  return (
    <Stack gap="lg" style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 150ms' }} aria-busy={loading} data-testid="statistics-report">
      <Figures statistics={statistics} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <SessionsPerMonth statistics={statistics} />
        <ThemesCovered themes={statistics.themes} />
      </SimpleGrid>
      <Participation statistics={statistics} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <SilentList people={statistics.silent} n={silentN} onN={onSilentN} />
        <NotSeenList people={statistics.notSeen} n={absentN} onN={onAbsentN} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <DecisionsByOwner decisions={statistics.decisions} />
        <VolunteerHoursTable volunteers={statistics.volunteers} />
      </SimpleGrid>
    </Stack>
  )
}

type FigureKey = 'held' | 'live' | 'planned' | 'cancelled' | 'people' | 'turns' | 'remarks' | 'overdue'

function Figures({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation()
  const { sessions, participation, decisions } = statistics
  const figures: { key: FigureKey; value: number; color?: string }[] = [
    { key: 'held', value: sessions.held },
    ...(sessions.live > 0 ? [{ key: 'live' as const, value: sessions.live }] : []),
    { key: 'planned', value: sessions.planned },
    { key: 'cancelled', value: sessions.cancelled },
    { key: 'people', value: participation.uniquePeople },
    { key: 'turns', value: participation.turnsSpoken },
    { key: 'remarks', value: participation.remarks },
    { key: 'overdue', value: decisions.overdue, ...(decisions.overdue > 0 ? { color: 'red' } : {}) }
  ]
  return (
    <SimpleGrid cols={{ base: 4, lg: figures.length }} spacing="sm" data-testid="statistics-figures">
      {figures.map((figure) => (
        <Paper key={figure.key} withBorder p="sm" radius="md" data-figure={figure.key}>
          <Text size="sm" c="dimmed">
            {t(`statistics.figures.${figure.key}`)}
          </Text>
          <Text fz={28} fw={700} c={figure.color} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {figure.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}

/** 'YYYY-MM' as 8月, or 2025年8月 when the period runs over more than one year. */
function monthLabel(month: string, withYear: boolean, t: TFunction): string {
  const year = Number(month.slice(0, 4))
  const number = Number(month.slice(5, 7))
  return withYear ? t('statistics.months.withYear', { year, month: number }) : t('statistics.months.short', { month: number })
}

function SessionsPerMonth({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation()
  const months = statistics.sessions.perMonth
  const withYear = months.length > 0 && months[0]!.month.slice(0, 4) !== months.at(-1)!.month.slice(0, 4)
  const data = months.map((month) => ({ ...month, label: monthLabel(month.month, withYear, t) }))
  return (
    <Section title={t('statistics.sessions.title')} description={t('statistics.sessions.description')} testId="statistics-sessions">
      <BarChart
        h={240}
        data={data}
        dataKey="label"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        tickLine="y"
        yAxisProps={{ allowDecimals: false }}
        // Every month named, even twelve of them: the gaps are what the organiser looks for.
        xAxisProps={{ interval: 0 }}
        series={[
          { name: 'held', label: t('statistics.figures.held'), color: 'teal.6' },
          { name: 'planned', label: t('statistics.figures.planned'), color: 'blue.4' },
          { name: 'cancelled', label: t('statistics.figures.cancelled'), color: 'gray.5' }
        ]}
      />
    </Section>
  )
}

function ThemesCovered({ themes }: { themes: ThemeCount[] }) {
  const { t } = useTranslation()
  const columns: SortableColumn<ThemeCount>[] = [
    { key: 'name', label: t('statistics.themes.theme'), value: (row) => row.name },
    { key: 'sessions', label: t('statistics.themes.sessions'), value: (row) => row.sessions, numeric: true }
  ]
  return (
    <Section title={t('statistics.themes.title')} testId="statistics-themes">
      <SortableTable rows={themes} columns={columns} rowKey={(row) => row.themeId} caption={t('statistics.themes.title')} empty={t('statistics.themes.empty')} />
    </Section>
  )
}

const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`)

function Participation({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation()
  const { participation } = statistics
  const columns: SortableColumn<PersonParticipation>[] = [
    { key: 'name', label: t('statistics.people.name'), value: (row) => row.name, render: (row) => <PersonLink personId={row.personId} name={row.name} /> },
    { key: 'village', label: t('statistics.people.village'), value: (row) => row.village },
    { key: 'invited', label: t('statistics.people.invited'), value: (row) => row.invited, numeric: true },
    { key: 'present', label: t('statistics.people.present'), value: (row) => row.present, numeric: true },
    { key: 'absent', label: t('statistics.people.absent'), value: (row) => row.absent, numeric: true },
    { key: 'rate', label: t('statistics.people.rate'), value: (row) => row.attendanceRate, render: (row) => percent(row.attendanceRate), numeric: true },
    { key: 'turns', label: t('statistics.people.turns'), value: (row) => row.turnsSpoken, numeric: true },
    { key: 'remarks', label: t('statistics.people.remarks'), value: (row) => row.remarks, numeric: true }
  ]
  const villages = participation.villages.map((village) => ({ ...village, label: village.village || t('statistics.people.noPlace'), percent: Math.round(village.share * 100) }))
  return (
    <Section title={t('statistics.people.title')} description={t('statistics.people.description', { count: participation.uniquePeople })} testId="statistics-participation">
      {/* The table takes what it needs and scrolls within the card past a dozen people; the chart has the rest. */}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: 'var(--mantine-spacing-lg)' }}>
        <ScrollArea.Autosize mah={480} type="auto" offsetScrollbars>
          <SortableTable
            rows={participation.people}
            columns={columns}
            rowKey={(row) => row.personId}
            caption={t('statistics.people.title')}
            empty={t('statistics.people.empty')}
            testId="statistics-people"
          />
        </ScrollArea.Autosize>
        <Stack gap="xs">
          <Text fw={600}>{t('statistics.people.villageShare')}</Text>
          {villages.length === 0 ?
            <Text c="dimmed">{t('statistics.people.noTurns')}</Text>
          : villages.map((village) => (
              // A bar per place, its name in full above it: long unit names do not fit a chart's axis.
              <Stack key={village.village} gap={2} data-testid="village-share">
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Text size="sm">{village.label}</Text>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {t('statistics.people.share', { count: village.turns, percent: village.percent })}
                  </Text>
                </Group>
                <Progress value={village.percent} color="orange" size="md" aria-label={village.label} />
              </Stack>
            ))
          }
        </Stack>
      </div>
    </Section>
  )
}
