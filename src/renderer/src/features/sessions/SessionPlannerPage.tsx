import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { notifications } from '@mantine/notifications'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person, SessionDetail } from '@shared/domain'
import { pickerLabels } from '@shared/people'
import { useAction } from '../../api/use-action'
import { useChannel } from '../../api/use-channel'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { useFieldErrors } from '../../shell/field-errors'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'
import { navigate } from '../../router'
import { AgendaEditor } from './AgendaEditor'
import { InviteesEditor } from './InviteesEditor'
import { emptyPlan, missingWhen, planFromSession, toSessionPlan, withRolesApplied, type PlanForm } from './plan-form'

/** `#/sessions/new`, `#/sessions/new/theme/<id>` or `#/sessions/<id>/edit`. */
export function SessionPlannerPage({ sessionId, themeId }: { sessionId?: string; themeId?: string }) {
  return sessionId ? <EditPlanner sessionId={sessionId} /> : <Planner existing={null} themeId={themeId ?? null} />
}

function EditPlanner({ sessionId }: { sessionId: string }) {
  const session = useChannel('sessions:get', { id: sessionId })
  if (session.error) return <ErrorNotice error={session.error} onRetry={session.reload} />
  if (!session.data) return <Loading />
  return <Planner existing={session.data} themeId={null} />
}

function Planner({ existing, themeId }: { existing: SessionDetail | null; themeId: string | null }) {
  const { t } = useTranslation()
  const settings = useSettings()
  const people = useChannel('people:list', { includeArchived: true }, ['people:changed'])
  const themes = useChannel('themes:list', {}, ['themes:changed'])
  const [form, setForm] = useState<PlanForm>(() =>
    existing ? planFromSession(existing) : { ...emptyPlan(settings, Date.now()), themeId }
  )
  const [missing, setMissing] = useState<ReturnType<typeof missingWhen>>({})
  const create = useAction('sessions:create')
  const update = useAction('sessions:update')
  const action = existing ? update : create
  const serverError = useFieldErrors(action.error)
  const fieldError = (path: string): string | undefined => {
    const local = missing[path as keyof typeof missing]
    return local ? t(`validation.${local}`) : serverError(path)
  }

  const peopleById = useMemo(() => new Map((people.data ?? []).map((person): [string, Person] => [person.id, person])), [people.data])
  const peopleOptions = useMemo(() => {
    const active = (people.data ?? []).filter((person) => !person.archivedAt)
    const labels = pickerLabels(active)
    return active.map((person) => ({ value: person.id, label: labels.get(person.id) ?? person.name }))
  }, [people.data])
  const theme = themes.data?.find((candidate) => candidate.id === form.themeId)

  // Choosing a host, a recorder or a lecturer also puts them on the list, as they will be stored.
  const change = (patch: Partial<PlanForm>): void => setForm((previous) => withRolesApplied({ ...previous, ...patch }))

  async function save(event: React.FormEvent): Promise<void> {
    event.preventDefault()
    const missingNow = missingWhen(form)
    setMissing(missingNow)
    if (Object.keys(missingNow).length > 0) return
    const plan = toSessionPlan(form)
    const result = existing ? await update.run({ ...plan, id: existing.id }) : await create.run(plan)
    if (!result.ok) return
    notifications.show({ color: 'green', message: t('planner.saved', { title: result.value.title }) })
    navigate('sessions', result.value.id)
  }

  if (!people.data || !themes.data) return <Loading />

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <PageHeader
        title={existing ? t('planner.editTitle') : t('planner.newTitle')}
        description={existing ? existing.title : t('planner.newDescription')}
        actions={
          <Group>
            <Button variant="default" size="md" onClick={() => navigate('sessions', ...(existing ? [existing.id] : []))}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" leftSection={<IconDeviceFloppy size={20} />} loading={action.running}>
              {t('planner.save')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        {action.error && <ErrorNotice error={action.error} />}
        <Card withBorder padding="lg" component="section" aria-labelledby="basics-heading">
          <Title order={2} fz="lg" mb="sm" id="basics-heading">
            {t('planner.basics')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Select
              size="md"
              label={t('planner.fields.theme')}
              placeholder={t('planner.fields.noTheme')}
              data={themes.data.map((candidate) => ({ value: candidate.id, label: candidate.title }))}
              value={form.themeId}
              onChange={(value) => {
                const chosen = themes.data?.find((candidate) => candidate.id === value)
                change({ themeId: value, title: form.title || (chosen ? chosen.title : '') })
              }}
              searchable
              clearable
              error={fieldError('themeId')}
            />
            <TextInput
              size="md"
              label={t('planner.fields.title')}
              required
              value={form.title}
              onChange={(event) => change({ title: event.currentTarget.value })}
              error={fieldError('title')}
            />
            <DateInput
              size="md"
              label={t('planner.fields.date')}
              required
              valueFormat="YYYY-MM-DD"
              value={form.date || null}
              onChange={(value) => change({ date: value ?? '' })}
              error={fieldError('date') ?? fieldError('plannedStart')}
            />
            <Group grow align="flex-start">
              <TextInput
                size="md"
                type="time"
                label={t('planner.fields.start')}
                required
                value={form.startTime}
                onChange={(event) => change({ startTime: event.currentTarget.value })}
                error={fieldError('startTime')}
              />
              <TextInput
                size="md"
                type="time"
                label={t('planner.fields.end')}
                required
                value={form.endTime}
                onChange={(event) => change({ endTime: event.currentTarget.value })}
                error={fieldError('endTime') ?? fieldError('plannedEnd')}
              />
            </Group>
            <TextInput
              size="md"
              label={t('planner.fields.venue')}
              value={form.venue}
              onChange={(event) => change({ venue: event.currentTarget.value })}
              error={fieldError('venue')}
            />
            <TextInput
              size="md"
              label={t('planner.fields.organiser')}
              value={form.organiserUnit}
              onChange={(event) => change({ organiserUnit: event.currentTarget.value })}
              error={fieldError('organiserUnit')}
            />
            <Select
              size="md"
              label={t('planner.fields.host')}
              data={peopleOptions}
              value={form.hostId}
              onChange={(hostId) => change({ hostId })}
              searchable
              clearable
              error={fieldError('hostId')}
            />
            <Select
              size="md"
              label={t('planner.fields.recorder')}
              data={peopleOptions}
              value={form.recorderId}
              onChange={(recorderId) => change({ recorderId })}
              searchable
              clearable
              error={fieldError('recorderId')}
            />
            <NumberInput
              size="md"
              label={t('planner.fields.speakerLimit')}
              description={t('planner.fields.speakerLimitHint')}
              min={0.5}
              max={60}
              step={0.5}
              value={form.speakerLimitMinutes ?? ''}
              onChange={(value) => change({ speakerLimitMinutes: typeof value === 'number' && value > 0 ? value : null })}
              error={fieldError('speakerLimitSeconds')}
            />
          </SimpleGrid>
        </Card>
        <AgendaEditor form={form} peopleOptions={peopleOptions} onChange={(agenda) => change({ agenda })} fieldError={fieldError} />
        <InviteesEditor
          invitees={form.invitees}
          people={peopleById}
          onChange={(invitees) => change({ invitees })}
          fieldError={fieldError}
          centre={theme?.title ?? form.title}
        />
        <Group justify="flex-end">
          <Button type="submit" size="md" leftSection={<IconDeviceFloppy size={20} />} loading={action.running}>
            {t('planner.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
