import { Alert, Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { DateInput } from '@mantine/dates'
import { notifications } from '@mantine/notifications'
import { IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import type { Person, SessionDetail, Theme } from '@shared/domain'
import { pickerLabels } from '@shared/people'
import { useChannel } from '../../api/use-channel'
import { ConfirmModal } from '../../shell/ConfirmModal'
import { ErrorNotice } from '../../shell/ErrorNotice'
import { Loading } from '../../shell/Loading'
import { PageHeader } from '../../shell/PageHeader'
import { useSettings } from '../../shell/settings-context'
import { useForm, type Form } from '../../shell/use-form'
import { goTo, navigate, setLeaveGuard } from '../../router'
import { AgendaEditor } from './AgendaEditor'
import { InviteesEditor } from './InviteesEditor'
import { dropDraft, isChanged, keepDraft, loadDraft } from './plan-draft'
import { copyOfPlan, emptyPlan, missingWhen, planFromSession, toSessionPlan, withRolesApplied, type PlanForm } from './plan-form'
import { PersonSelect, ThemeSelect } from './PlannerPickers'

type Option = { value: string; label: string }

/**
 * `#/sessions/new`, `#/sessions/new/theme/<id>`, `#/sessions/new/copy/<id>` (复制为新场次),
 * `#/sessions/new/first/<id,id…>` (统计's 参加但未发言: these people in the first seats, so they speak first)
 * or `#/sessions/<id>/edit`.
 */
export function SessionPlannerPage({ sessionId, themeId, copyOf, seatedFirst }: { sessionId?: string; themeId?: string; copyOf?: string; seatedFirst?: string[] }) {
  const settings = useSettings()
  if (sessionId) return <EditPlanner sessionId={sessionId} />
  if (copyOf) return <CopyPlanner sourceId={copyOf} />
  return (
    <Planner
      existing={null}
      draftKey={themeId ? `new-theme-${themeId}` : seatedFirst ? `new-first-${seatedFirst.join(',')}` : 'new'}
      opened={() => ({
        ...emptyPlan(settings, Date.now()),
        themeId: themeId ?? null,
        invitees: (seatedFirst ?? []).map((personId) => ({ personId, role: 'participant' as const, seated: true }))
      })}
      backTo={() => navigate('sessions')}
    />
  )
}

function EditPlanner({ sessionId }: { sessionId: string }) {
  const session = useChannel('sessions:get', { id: sessionId })
  if (session.error) return <ErrorNotice error={session.error} onRetry={session.reload} />
  if (!session.data) return <Loading />
  const existing = session.data
  return <Planner existing={existing} draftKey={existing.id} opened={() => planFromSession(existing)} backTo={() => navigate('sessions', existing.id)} />
}

/** 复制为新场次: the planner on an unsaved copy of the source; only 保存场次 makes it a session, 取消 drops it. */
function CopyPlanner({ sourceId }: { sourceId: string }) {
  const { t } = useTranslation()
  const source = useChannel('sessions:get', { id: sourceId })
  const people = useChannel('people:list', { includeArchived: true })
  const error = source.error ?? people.error
  if (error) return <ErrorNotice error={error} onRetry={() => {
          source.reload()
          people.reload()
        }} />
  if (!source.data || !people.data) return <Loading />
  const from = source.data
  const archived = new Set(people.data.filter((person) => person.archivedAt).map((person) => person.id))
  return (
    <Planner
      existing={null}
      copyOf={from}
      draftKey={`copy-${from.id}`}
      opened={() => copyOfPlan(planFromSession(from), t('planning.copyTitle', { title: from.title }), archived, Date.now())}
      backTo={() => navigate('sessions', from.id)}
    />
  )
}

interface PlannerProps {
  existing: SessionDetail | null
  /** The session a copy was made from. */
  copyOf?: SessionDetail
  /** Where the unsaved draft is kept. */
  draftKey: string
  /** The plan as it opens, before any draft: what “unsaved changes” are measured against. */
  opened: () => PlanForm
  /** Where 取消 goes. */
  backTo: () => void
}

/** The whole plan as one form; the directory and the themes load beside it and the form waits for them. */
function Planner({ existing, copyOf, draftKey, opened, backTo }: PlannerProps) {
  const { t } = useTranslation()
  const people = useChannel('people:list', { includeArchived: true }, ['people:changed'])
  const themes = useChannel('themes:list', {}, ['themes:changed'])
  const [openedPlan] = useState(opened)
  const [restored, setRestored] = useState(() => loadDraft(window.localStorage, draftKey))
  // Set once the user chose to leave (saved, discarded, or kept the draft): the guard lets them go.
  const leaving = useRef(false)
  const form = usePlanForm(existing, restored?.values ?? openedPlan, () => {
    leaving.current = true
    dropDraft(window.localStorage, draftKey)
  })
  const choices = usePeopleChoices(people.data)
  const [leaveTo, setLeaveTo] = useState<string | null>(null)
  const [discarding, setDiscarding] = useState(false)
  const changed = isChanged(form.values, openedPlan)
  const changedRef = useRef(changed)
  changedRef.current = changed

  useEffect(() => keepDraft(window.localStorage, draftKey, form.values, openedPlan, Date.now()), [draftKey, form.values, openedPlan])
  useEffect(
    () =>
      setLeaveGuard((to) => {
        if (leaving.current || !changedRef.current) return false
        setLeaveTo(to)
        return true
      }),
    []
  )

  const leave = (go: () => void): void => {
    leaving.current = true
    go()
  }
  const cancel = (): void => {
    if (!changed) return leave(() => {
      dropDraft(window.localStorage, draftKey)
      backTo()
    })
    setDiscarding(true)
  }
  // Only the planner's own form saves the plan: a dialog's form inside it (rendered in a portal) never does.
  const submit = (event: FormEvent): void => {
    if (event.target !== event.currentTarget) return event.preventDefault()
    form.onSubmit(event)
  }

  if (!people.data || !themes.data) return <Loading />
  const theme = themes.data.find((candidate) => candidate.id === form.values.themeId)

  return (
    <form onSubmit={submit} noValidate>
      <PageHeader
        title={existing ? t('planner.editTitle') : t('planner.newTitle')}
        description={existing ? existing.title : copyOf ? t('planning.copyDescription', { title: copyOf.title }) : t('planner.newDescription')}
        actions={
          <Group>
            <Button variant="default" size="md" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <SaveButton running={form.running} />
          </Group>
        }
      />
      <Stack gap="lg">
        {restored && (
          <Alert color="blue" icon={<IconInfoCircle />}>
            <Group justify="space-between">
              <Text>{t('planning.draftRestored')}</Text>
              <Button
                variant="light"
                onClick={() => {
                  form.change(openedPlan)
                  dropDraft(window.localStorage, draftKey)
                  setRestored(null)
                }}
              >
                {t('planning.discardDraft')}
              </Button>
            </Group>
          </Alert>
        )}
        {form.error && <ErrorNotice error={form.error} />}
        <BasicsCard form={form} themes={themes.data} peopleOptions={choices.options} />
        <AgendaEditor form={form.values} peopleOptions={choices.options} onChange={(agenda) => form.set('agenda', agenda)} fieldError={form.fieldError} />
        <InviteesEditor
          invitees={form.values.invitees}
          people={choices.byId}
          onChange={(invitees) => form.set('invitees', invitees)}
          fieldError={form.fieldError}
          centre={theme?.title ?? form.values.title}
          seatLayout={form.values.seatLayout}
          onLayoutChange={(seatLayout) => form.set('seatLayout', seatLayout)}
        />
        <Group justify="flex-end">
          <SaveButton running={form.running} />
        </Group>
      </Stack>
      {leaveTo !== null && (
        <LeaveModal
          onStay={() => setLeaveTo(null)}
          onLeave={() => {
            const to = leaveTo
            setLeaveTo(null)
            leave(() => goTo(to))
          }}
        />
      )}
      {discarding && (
        <ConfirmModal
          title={t('planning.discardTitle')}
          message={t('planning.discardMessage')}
          confirmLabel={t('planning.discard')}
          danger
          onCancel={() => setDiscarding(false)}
          onConfirm={async () => {
            leave(() => {
              dropDraft(window.localStorage, draftKey)
              backTo()
            })
            return { ok: true, value: null }
          }}
        />
      )}
    </form>
  )
}

/** Leaving with unsaved changes: the draft is kept either way; staying is the safe choice and has the focus. */
function LeaveModal({ onStay, onLeave }: { onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation()
  return (
    <Modal opened onClose={onStay} title={t('planning.leaveTitle')} centered>
      <Text mb="md">{t('planning.leaveMessage')}</Text>
      <Group justify="flex-end">
        <Button variant="default" size="md" onClick={onLeave}>
          {t('planning.leaveKeep')}
        </Button>
        <Button size="md" onClick={onStay} data-autofocus>
          {t('planning.stay')}
        </Button>
      </Group>
    </Modal>
  )
}

/** Saved: the draft goes, and the page shows the session. */
function usePlanForm(existing: SessionDetail | null, initial: PlanForm, onStored: () => void): Form<PlanForm> {
  const { t } = useTranslation()
  return useForm({
    initial,
    channel: existing ? 'sessions:update' : 'sessions:create',
    toInput: (form) => (existing ? { ...toSessionPlan(form), id: existing.id } : toSessionPlan(form)),
    // Choosing a host, a recorder or a lecturer also puts them on the list, as they will be stored.
    derive: withRolesApplied,
    check: missingWhen,
    onSaved: (saved) => {
      onStored()
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
  const chooseTheme = (chosen: Theme | null): void => {
    form.change({ themeId: chosen?.id ?? null, title: values.title || (chosen ? chosen.title : '') })
  }
  return (
    <>
      <ThemeSelect themes={themes} value={values.themeId} onChange={chooseTheme} error={fieldError('themeId')} />
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
      <PersonSelect label={t('planner.fields.host')} options={peopleOptions} {...form.field('hostId')} />
      <PersonSelect label={t('planner.fields.recorder')} options={peopleOptions} {...form.field('recorderId')} />
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
