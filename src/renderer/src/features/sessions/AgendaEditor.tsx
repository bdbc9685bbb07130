import { ActionIcon, Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import { SEGMENT_KINDS, type SegmentKind } from '@shared/domain'
import { PersonSelect } from './PlannerPickers'
import { agendaMinutes, move, newKey, sessionMinutes, type AgendaItem, type PlanForm } from './plan-form'

interface Props {
  form: PlanForm
  peopleOptions: { value: string; label: string }[]
  onChange: (agenda: AgendaItem[]) => void
  fieldError: (path: string) => string | undefined
}

/** The ordered segments: 学习研讨 (lecturer, topic, minutes), 圆桌时间, other; totals against the session length. */
export function AgendaEditor({ form, peopleOptions, onChange, fieldError }: Props) {
  const { t } = useTranslation()
  const total = agendaMinutes(form)
  const length = sessionMinutes(form)
  const add = (kind: SegmentKind): void =>
    onChange([...form.agenda, { key: newKey(), kind, title: '', lecturerId: null, topic: '', plannedMinutes: kind === 'roundtable' ? 60 : 20 }])

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="agenda-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="agenda-heading">
          {t('planner.agenda.title')}
        </Title>
        <Text c={length > 0 && total > length ? 'orange.8' : 'dimmed'} fw={500} data-testid="agenda-total">
          {t('planner.agenda.total', { total, length })}
          {length > 0 && total > length && ` · ${t('planner.agenda.over', { minutes: total - length })}`}
          {length > 0 && total < length && ` · ${t('planner.agenda.left', { minutes: length - total })}`}
        </Text>
      </Group>
      <Stack gap="sm">
        {form.agenda.map((item, index) => (
          <AgendaRow key={item.key} agenda={form.agenda} index={index} peopleOptions={peopleOptions} onChange={onChange} fieldError={fieldError} />
        ))}
        <Group>
          {SEGMENT_KINDS.map((kind) => (
            <Button key={kind} variant="light" leftSection={<IconPlus size={16} />} onClick={() => add(kind)}>
              {t(`planner.agenda.add.${kind}`)}
            </Button>
          ))}
        </Group>
      </Stack>
    </Card>
  )
}

/** One segment: its kind, what it is about (a study part names its lecturer and topic), minutes, and its place. */
function AgendaRow({ agenda, index, peopleOptions, onChange, fieldError }: Omit<Props, 'form'> & { agenda: AgendaItem[]; index: number }) {
  const { t } = useTranslation()
  const item = agenda[index]!
  const update = (patch: Partial<AgendaItem>): void => onChange(agenda.map((other, i) => (i === index ? { ...other, ...patch } : other)))
  const errorAt = (field: keyof AgendaItem): string | undefined => fieldError(`agenda.${index}.${field}`)
  return (
    <Group align="flex-start" wrap="nowrap" gap="sm" role="group" aria-label={t('planner.agenda.segment', { number: index + 1 })}>
      <Text fw={700} w={24} pt={34}>
        {index + 1}
      </Text>
      <Select
        w={180}
        label={t('planner.agenda.kind')}
        data={SEGMENT_KINDS.map((kind) => ({ value: kind, label: t(`planner.agenda.kinds.${kind}`) }))}
        value={item.kind}
        allowDeselect={false}
        onChange={(kind) => kind && update({ kind: kind as SegmentKind })}
      />
      {item.kind === 'study' && (
        <>
          <PersonSelect
            w={270}
            size="sm"
            label={t('planner.agenda.lecturer')}
            options={peopleOptions}
            value={item.lecturerId}
            onChange={(lecturerId) => update({ lecturerId })}
            error={errorAt('lecturerId')}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t('planner.agenda.topic')}
            value={item.topic}
            onChange={(event) => update({ topic: event.currentTarget.value })}
            error={errorAt('topic')}
          />
        </>
      )}
      {item.kind !== 'study' && (
        <TextInput
          style={{ flex: 1 }}
          label={t('planner.agenda.segmentTitle')}
          placeholder={t(`planner.agenda.kinds.${item.kind}`)}
          value={item.title}
          onChange={(event) => update({ title: event.currentTarget.value })}
          error={errorAt('title')}
        />
      )}
      <NumberInput
        w={110}
        label={t('planner.agenda.minutes')}
        min={0}
        max={600}
        value={item.plannedMinutes}
        onChange={(value) => update({ plannedMinutes: typeof value === 'number' ? value : 0 })}
        error={errorAt('plannedMinutes')}
      />
      <Group gap={2} pt={26} wrap="nowrap">
        <ActionIcon variant="subtle" size="lg" aria-label={t('common.moveUp')} disabled={index === 0} onClick={() => onChange(move(agenda, index, index - 1))}>
          <IconArrowUp size={18} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={t('common.moveDown')}
          disabled={index === agenda.length - 1}
          onClick={() => onChange(move(agenda, index, index + 1))}
        >
          <IconArrowDown size={18} />
        </ActionIcon>
        <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('common.remove')} onClick={() => onChange(agenda.filter((_, i) => i !== index))}>
          <IconTrash size={18} />
        </ActionIcon>
      </Group>
    </Group>
  )
}
