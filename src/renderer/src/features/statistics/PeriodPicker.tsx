import { Group, SegmentedControl, Select } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useTranslation } from '../../i18n/use-translation'
import { currentPeriod, type Period, type PeriodKind } from './period'

const KINDS: PeriodKind[] = ['year', 'quarter', 'month', 'custom']

/** 年 / 季度 / 月 / 自定义, then the year and the quarter or month, or two dates. */
export function PeriodPicker({ value, onChange, today, firstYear }: { value: Period; onChange: (period: Period) => void; today: string; firstYear: number }) {
  const { t } = useTranslation()
  const thisYear = Number(today.slice(0, 4))
  const years = Array.from({ length: Math.max(1, thisYear - firstYear + 2) }, (_, i) => String(thisYear + 1 - i))
  const parts =
    value.kind === 'quarter' ? [1, 2, 3, 4].map((q) => ({ value: String(q), label: t('statistics.period.quarterN', { count: q }) }))
    : Array.from({ length: 12 }, (_, m) => ({ value: String(m + 1), label: t('statistics.period.monthN', { count: m + 1 }) }))
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        size="md"
        aria-label={t('statistics.period.label')}
        value={value.kind}
        onChange={(kind) => onChange({ ...currentPeriod(kind as PeriodKind, today), ...(kind === 'custom' ? {} : { year: value.year }) })}
        data={KINDS.map((kind) => ({ value: kind, label: t(`statistics.period.${kind}`) }))}
      />
      {value.kind === 'custom' ?
        <DatePickerInput
          size="md"
          type="range"
          w={280}
          aria-label={t('statistics.period.dates')}
          valueFormat={t('statistics.period.dateFormat')}
          value={[value.from, value.to]}
          onChange={([from, to]) => {
            if (from && to) onChange({ ...value, from, to })
          }}
          allowSingleDateInRange
        />
      : <>
          <Select
            size="md"
            w={120}
            aria-label={t('statistics.period.year')}
            data={years.map((year) => ({ value: year, label: t('statistics.period.yearN', { year }) }))}
            value={String(value.year)}
            onChange={(year) => year && onChange({ ...value, year: Number(year) })}
            allowDeselect={false}
          />
          {value.kind !== 'year' && (
            <Select
              size="md"
              w={130}
              aria-label={t(`statistics.period.${value.kind}`)}
              data={parts}
              value={String(value.part)}
              onChange={(part) => part && onChange({ ...value, part: Number(part) })}
              allowDeselect={false}
            />
          )}
        </>
      }
    </Group>
  )
}
