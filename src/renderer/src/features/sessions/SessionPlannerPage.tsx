import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { notifications } from '@mantine/notifications'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Person, SessionDetail, Theme } from '@shared/domain'
import { pickerLabels } from '@shared/people'
import { useChannel } from '../../api/use-channel'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'
import { useForm, type Form } from '../../shell/use-form'
import { navigate } from '../../router'
import { AgendaEditor } from './AgendaEditor'
import { InviteesEditor } from './InviteesEditor'
import { emptyPlan, missingWhen, planFromSession, toSessionPlan, withRolesApplied, type PlanForm } from './plan-form'

type Option = { value: string; label: string }

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

/** The whole plan as one form; the directory and the themes load beside it and the form waits for them. */
function Planner({ existing, themeId }: { existing: SessionDetail | null; themeId: string | null }) {
  const { t } = useTranslation()
  const people = useChannel('people:list', { includeArchived: true }, ['people:changed'])
  const themes = useChannel('themes:list', {}, ['themes:changed'])
  const form = usePlanForm(existing, themeId)
  const choices = usePeopleChoices(people.data)

  if (!people.data || !themes.data) return <Loading />
  const theme = themes.data.find((candidate) => candidate.id === form.values.themeId)

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <PageHeader
        title={existing ? t('planner.editTitle') : t('planner.newTitle')}
        description={existing ? existing.title : t('planner.newDescription')}
        actions={
          <Group>
            <Button variant="default" size="md" onClick={() => navigate('sessions', ...(existing ? [existing.id] : []))}>
              {t('common.cancel')}
            </Button>
            <SaveButton running={form.running} />
          </Group>
        }
      />
      <Stack gap="lg">
        {form.error && <ErrorNotice error={form.error} />}
        <BasicsCard form={form} themes={themes.data} peopleOptions={choices.options} />
        <AgendaEditor form={form.values} peopleOptions={choices.options} onChange={(agenda) => form.set('agenda', agenda)} fieldError={form.fieldError} />
        <InviteesEditor
          invitees={form.values.invitees}
          people={choices.byId}
          onChange={(invitees) => form.set('invitees', invitees)}
          fieldError={form.fieldError}
          centre={theme?.title ?? form.values.title}
        />
        <Group justify="flex-end">
          <SaveButton running={form.running} />
        </Group>
      </Stack>
    </form>
  )
}

/** A new plan starts a week ahead with the settings' venue and organiser; an edit starts from the stored session. */
function usePlanForm(existing: SessionDetail | null, themeId: string | null): Form<PlanForm> {
  const { t } = useTranslation()
  const settings = useSettings()
  return useForm({
    initial: () => (existing ? planFromSession(existing) : { ...emptyPlan(settings, Date.now()), themeId }),
    channel: existing ? 'sessions:update' : 'sessions:create',
    toInput: (form) => (existing ? { ...toSessionPlan(form), id: existing.id } : toSessionPlan(form)),
    // Choosing a host, a recorder or a lecturer also puts them on the list, as they will be stored.
    derive: withRolesApplied,
    check: missingWhen,
    onSaved: (saved) => {
      notifications.show({ color: 'green', message: t('planner.saved', { title: saved.title }) })
      navigate('sessions', saved.id)
    }
  })
}

/** Everyone by id (archived ones too, as an old plan may name them), and the active ones to choose from. */
function usePeopleChoices(people: Person[] | undefined): { byId: Map<string, Person>; options: Option[] } {
  const byId = useMemo(() => new Map((people ?? []).map((person): [string, Person] => [person.id, person])), [people])
  const options = useMemo(() => {
    const active = (people ?? []).filter((person) => !person.archivedAt)
    const labels = pickerLabels(active)
    return active.map((person) => ({ value: person.id, label: labels.get(person.id) ?? person.name }))
  }, [people])
  return { byId, options }
}

function SaveButton({ running }: { running: boolean }) {
  const { t } = useTranslation()
  return (
    <Button type="submit" size="md" leftSection={<IconDeviceFloppy size={20} />} loading={running}>
      {t('planner.save')}
    </Button>
  )
}

interface BasicsProps {
  form: Form<PlanForm>
  themes: Theme[]
  peopleOptions: Option[]
}

/** 基本信息: one grid of two columns, filled in reading order by the two groups below. */
function BasicsCard(props: BasicsProps) {
  const { t } = useTranslation()
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="basics-heading">
      <Title order={2} fz="lg" mb="sm" id="basics-heading">
        {t('planner.basics')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <WhatAndWhenFields {...props} />
        <WhereAndWhoFields {...props} />
      </SimpleGrid>
    </Card>
  )
}

function WhatAndWhenFields({ form, themes }: BasicsProps) {
  const { t } = useTranslation()
  const { values, fieldError } = form
  // Choosing a theme names an untitled session after it.
  const chooseTheme = (themeId: string | null): void => {
    const chosen = themes.find((candidate) => candidate.id === themeId)
    form.change({ themeId, title: values.title || (chosen ? chosen.title : '') })
  }
  return (
    <>
      <Select
        size="md"
        label={t('planner.fields.theme')}
        placeholder={t('planner.fields.noTheme')}
        data={themes.map((candidate) => ({ value: candidate.id, label: candidate.title }))}
        {...form.field('themeId')}
        onChange={chooseTheme}
        searchable
        clearable
      />
      <TextInput size="md" label={t('planner.fields.title')} required {...form.text('title')} />
      <DateInput
        size="md"
        label={t('planner.fields.date')}
        required
        valueFormat="YYYY-MM-DD"
        value={values.date || null}
        onChange={(value) => form.set('date', value ?? '')}
        error={fieldError('date') ?? fieldError('plannedStart')}
      />
      <Group grow align="flex-start">
        <TextInput size="md" type="time" label={t('planner.fields.start')} required {...form.text('startTime')} />
        <TextInput
          size="md"
          type="time"
          label={t('planner.fields.end')}
          required
          {...form.text('endTime')}
          error={fieldError('endTime') ?? fieldError('plannedEnd')}
        />
      </Group>
    </>
  )
}

function WhereAndWhoFields({ form, peopleOptions }: BasicsProps) {
  const { t } = useTranslation()
  return (
    <>
      <TextInput size="md" label={t('planner.fields.venue')} {...form.text('venue')} />
      <TextInput size="md" label={t('planner.fields.organiser')} {...form.text('organiserUnit')} />
      <Select size="md" label={t('planner.fields.host')} data={peopleOptions} {...form.field('hostId')} searchable clearable />
      <Select size="md" label={t('planner.fields.recorder')} data={peopleOptions} {...form.field('recorderId')} searchable clearable />
      <NumberInput
        size="md"
        label={t('planner.fields.speakerLimit')}
        description={t('planner.fields.speakerLimitHint')}
        min={0.5}
        max={60}
        step={0.5}
        value={form.values.speakerLimitMinutes ?? ''}
        onChange={(value) => form.set('speakerLimitMinutes', typeof value === 'number' && value > 0 ? value : null)}
        error={form.fieldError('speakerLimitSeconds')}
      />
    </>
  )
}
