import { Alert, Button, Group, Kbd, Stack, Text, Title } from '@mantine/core'
import { memo } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { DeferredSelect } from '../../common/DeferredSelect'
import type { PersonOption } from '../../common/person-labels'
import { REBIND_KEY } from './rebind-key'

interface Props {
  boundTo: string | null
  boundName: string
  /** The mic has left the person the remark is for: said in orange, not to be missed. */
  movedOn: boolean
  people: PersonOption[]
  onChoose: (personId: string | null) => void
}

/** The remark box's heading: whom the remark is for, in large type, and 记给 to choose someone else. */
export const RemarkBinding = memo(function RemarkBinding({ boundTo, boundName, movedOn, people, onChoose }: Props) {
  const { t } = useTranslation()
  return (
    // In the console's narrow third column the picker goes under the name rather than squeezing it.
    <Group justify="space-between" align="flex-end" mb="xs" gap="xs">
      <Stack gap={0} style={{ minWidth: 0, flex: '1 1 10rem' }}>
        <Title order={2} fz="sm" c="dimmed" id="remark-heading">
          {t('remarks.title')}
        </Title>
        <Group gap={8} align="baseline" wrap="nowrap" data-testid={movedOn ? 'remark-bound-elsewhere' : 'remark-bound'}>
          <Text fz="lg" fw={700} c={movedOn ? 'orange.9' : 'dimmed'} style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            {t(movedOn ? 'remarks.stillForLead' : 'remarks.forLead')}
          </Text>{' '}
          {/* A name in large type; “nobody” in the lead's size, so that it fits the column in every language. */}
          {boundTo ?
            <Text fz={28} fw={800} lh={1.2} c={movedOn ? 'orange.9' : undefined} truncate>
              {boundName}
            </Text>
          : <Text fz="lg" fw={700} c="dimmed">
              {t('remarks.nobody')}
            </Text>
          }
        </Group>
      </Stack>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('remarks.for')}
        </Text>
        {/* Its options are drawn only while it is open (Mantine keeps them drawn, hidden, by default): a whole
            session's people, drawn with the console for nothing (issue 16: the console's time to interactive). */}
        <DeferredSelect
          size="sm"
          w={170}
          aria-label={t('remarks.forLabel')}
          data={people}
          value={boundTo}
          placeholder={t('remarks.pick')}
          onChange={onChoose}
          searchable
          comboboxProps={{ keepMounted: false }}
        />
      </Group>
    </Group>
  )
})

/** Shown while the draft is still for someone the mic has left: one click (or Ctrl+J) gives it to the speaker. */
export function MovedOnAlert({ boundName, currentName, onRebind }: { boundName: string; currentName: string; onRebind: () => void }) {
  const { t } = useTranslation()
  return (
    <Alert color="orange" variant="filled" p="xs" mb="xs" role="status" data-testid="remark-moved-on">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700} fz="md">
          {t('remarks.movedOn', { name: boundName, current: currentName })}
        </Text>
        <Button
          size="sm"
          variant="white"
          color="orange"
          onClick={onRebind}
          // The focus stays in the box (or wherever it was): a button holding it would take Space.
          onMouseDown={(event) => event.preventDefault()}
          aria-keyshortcuts={REBIND_KEY.aria}
          rightSection={<Kbd size="xs">{REBIND_KEY.shown}</Kbd>}
          style={{ flexShrink: 0 }}
        >
          {t('remarks.rebind', { name: currentName })}
        </Button>
      </Group>
    </Alert>
  )
}
