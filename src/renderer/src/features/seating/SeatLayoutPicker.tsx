import { SegmentedControl, Stack, Text } from '@mantine/core'
import { useTranslation } from '../../i18n/use-translation'
import { SEAT_LAYOUTS, type SeatLayout } from '@shared/domain'

// A file of its own, not SeatPlan.tsx's: the live console draws the seat plan but never the picker, and loaded
// Mantine's SegmentedControl for it (issue 16: the console's time to interactive).

/** 圆桌 / 长桌 / U形 / 课桌式, for the planner beside the seat plan. */
export function SeatLayoutPicker({ value, onChange }: { value: SeatLayout; onChange: (layout: SeatLayout) => void }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4} align="center">
      <Text size="sm" fw={600} id="seat-layout-label">
        {t('seating.layout')}
      </Text>
      <SegmentedControl
        aria-labelledby="seat-layout-label"
        value={value}
        onChange={(next) => onChange(next as SeatLayout)}
        data={SEAT_LAYOUTS.map((layout) => ({ value: layout, label: t(`seating.layouts.${layout}`) }))}
      />
    </Stack>
  )
}
