// Only this lazily loaded page draws charts: their styles load with it, not with the first screen.
import '@mantine/charts/styles.css'
import { Button, Group, Menu, MultiSelect, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconChevronDown, IconFileSpreadsheet, IconReport } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { api } from '../../api'
import { useChannel } from '../../api/use-channel'
import { formatIsoDate } from '../../format'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { finishExport } from '../../shell/save-file'
import { currentPeriod, rangeOf, type DateRange, type Period } from './period'
import { BriefPreview } from './BriefPreview'
import { PeriodPicker } from './PeriodPicker'
import { StatisticsReport } from './StatisticsReport'

/** How many years back the year picker offers: the ten-year archive the town keeps. */
const YEARS_BACK = 9

/**
 * `#/statistics` (统计): the town's view over a period. Every figure comes from core (statistics:get); the
 * page picks the period and the filters, draws, sorts and links.
 */
export function StatisticsPage() {
  const { t } = useTranslation()
  const today = formatIsoDate(Date.now())
  const [period, setPeriod] = useState<Period>(() => currentPeriod('year', today))
  const [villages, setVillages] = useState<string[]>([])
  const [themeIds, setThemeIds] = useState<string[]>([])
  const [silentN, setSilentN] = useState(3)
  const [absentN, setAbsentN] = useState(3)
  const [briefOpen, setBriefOpen] = useState(false)
  const range = rangeOf(period)
  const filters = { ...range, ...(villages.length ? { villages } : {}), ...(themeIds.length ? { themeIds } : {}) }
  const statistics = useChannel('statistics:get', { ...filters, silentN, absentN }, [
    'sessions:changed',
    'session:changed',
    'people:changed',
    'themes:changed',
    'remarks:changed',
    'decisions:changed',
    'archive:restored'
  ])
  const themes = useChannel('themes:list', {}, ['themes:changed'])
  // useChannel keeps the last answer while the next one loads: the charts do not blink at each filter.
  const shown = statistics.data

  return (
    <>
      <PageHeader
        title={t('statistics.title')}
        description={t('statistics.description')}
        actions={
          <Group gap="sm" wrap="nowrap">
            <Button size="md" variant="default" leftSection={<IconReport size={20} />} onClick={() => setBriefOpen(true)}>
              {t('statistics.brief.button')}
            </Button>
            <ExportMenu filters={filters} />
          </Group>
        }
      />
      {briefOpen && <BriefPreview query={{ ...filters, silentN, absentN }} onClose={() => setBriefOpen(false)} />}
      <Stack gap="md" mb="lg">
        <Group gap="md" align="flex-end" wrap="wrap">
          <PeriodPicker value={period} onChange={setPeriod} today={today} firstYear={Number(today.slice(0, 4)) - YEARS_BACK} />
          <MultiSelect
            size="md"
            w={240}
            label={t('statistics.filters.villages')}
            placeholder={villages.length ? undefined : t('statistics.filters.all')}
            data={shown?.villageOptions ?? []}
            value={villages}
            onChange={setVillages}
            searchable
            clearable
          />
          <MultiSelect
            size="md"
            w={240}
            label={t('statistics.filters.themes')}
            placeholder={themeIds.length ? undefined : t('statistics.filters.all')}
            data={(themes.data ?? []).map((theme) => ({ value: theme.id, label: theme.title }))}
            value={themeIds}
            onChange={setThemeIds}
            searchable
            clearable
          />
        </Group>
      </Stack>
      {statistics.error && <ErrorNotice error={statistics.error} onRetry={statistics.reload} />}
      {!shown && !statistics.error && <Loading />}
      {shown && (
        <StatisticsReport statistics={shown} silentN={silentN} onSilentN={setSilentN} absentN={absentN} onAbsentN={setAbsentN} loading={statistics.loading} />
      )}
    </>
  )
}

/** 导出 the period's files: the 年度台账 and the 志愿服务时长汇总 (.xlsx). */
function ExportMenu({ filters }: { filters: DateRange & { villages?: string[]; themeIds?: string[] } }) {
  const { t } = useTranslation()
  const [running, setRunning] = useState(false)
  async function exportFile(channel: 'ledger:exportYear' | 'ledger:exportVolunteerHours'): Promise<void> {
    setRunning(true)
    const exported = await api.invoke(channel, filters)
    setRunning(false)
    if (!exported.ok) {
      notifications.show({ color: 'red', message: t(`errors.${exported.error.code}`) })
      return
    }
    if (exported.value.kind !== 'cancelled' && exported.value.sessions === 0) notifications.show({ color: 'yellow', message: t('statistics.export.empty') })
    finishExport(exported.value)
  }
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button size="md" variant="default" loading={running} leftSection={<IconFileSpreadsheet size={20} />} rightSection={<IconChevronDown size={16} />}>
          {t('statistics.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void exportFile('ledger:exportYear')}>{t('statistics.export.ledger')}</Menu.Item>
        <Menu.Item onClick={() => void exportFile('ledger:exportVolunteerHours')}>{t('statistics.export.volunteerHours')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
