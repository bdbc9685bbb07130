import { ActionIcon, Badge, Card, Group, Select, Stack, Switch, Table, Text, Title } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react'
import { useTranslation } from '../../i18n/use-translation'
import type { AttendanceRole, Person, SeatLayout } from '@shared/domain'
import { PersonAdder } from '../people/PersonAdder'
import { placeOf } from '../people/people-filter'
import { nameLabels } from '@shared/people'
import { SeatLayoutPicker } from '../seating/SeatLayoutPicker'
import { SeatPlan } from '../seating/SeatPlan'
import { move, swapSeats, type InviteeItem } from './plan-form'

/** These follow from the host, recorder and lecturer fields; the others are chosen here. */
const DERIVED_ROLES: AttendanceRole[] = ['host', 'recorder', 'lecturer']
const CHOSEN_ROLES: AttendanceRole[] = ['participant', 'guest']

interface Props {
  invitees: InviteeItem[]
  people: Map<string, Person>
  onChange: (invitees: InviteeItem[]) => void
  fieldError: (path: string) => string | undefined
  centre?: string
  seatLayout: SeatLayout
  onLayoutChange: (layout: SeatLayout) => void
}

/** Who is invited, in which role, and where each sits at the round table. */
export function InviteesEditor({ invitees, people, onChange, fieldError, centre, seatLayout, onLayoutChange }: Props) {
  const { t } = useTranslation()
  const invited = new Set(invitees.map((invitee) => invitee.personId))
  const candidates = [...people.values()].filter((person) => !person.archivedAt && !invited.has(person.id))
  const seated = invitees.filter((invitee) => invitee.seated)
  // Names as the session will show them: with the place where a namesake is invited too.
  const labels = nameLabels(invitees.flatMap((invitee) => people.get(invitee.personId) ?? []))
  const nameOf = (personId: string): string => labels.get(personId) ?? '?'
  // Someone already on the list (an existing person opened from 新建人员's warning) is not listed twice.
  const add = (personId: string): void => {
    if (!invited.has(personId)) onChange([...invitees, { personId, role: 'participant', seated: true }])
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invitees-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="invitees-heading">
          {t('planner.invitees.title')}
        </Title>
        <Text c="dimmed">{t('planner.invitees.count', { count: invitees.length, seated: seated.length })}</Text>
      </Group>
      <Stack mb="md">
        <PersonAdder label={t('planner.invitees.add')} candidates={candidates} onAdd={add} emptyHint={people.size === 0 ? t('planning.noPeople') : undefined} />
      </Stack>
      {/* The list and the seat plan side by side (the plan goes under the list when the list would get too narrow). */}
      <Group align="flex-start" gap="lg" wrap="wrap">
        <Stack style={{ flex: 1, minWidth: 500 }}>
          {invitees.length === 0 ? (
            <Text c="dimmed">{t('planner.invitees.empty')}</Text>
          ) : (
            <InviteesTable invitees={invitees} people={people} onChange={onChange} fieldError={fieldError} nameOf={nameOf} />
          )}
        </Stack>
        {seated.length > 0 && (
          <Stack align="center" gap="xs">
            <SeatLayoutPicker value={seatLayout} onChange={onLayoutChange} />
            <SeatPlan
              label={t('seating.plan')}
              layout={seatLayout}
              width={400}
              maxWidth={1000}
              maxHeight={560}
              centre={<Text fw={600}>{centre}</Text>}
              seats={seated.map((invitee, index) => ({
                key: invitee.personId,
                number: index + 1,
                name: nameOf(invitee.personId),
                detail: t(`roles.${invitee.role}`)
              }))}
              onSwap={(from, to) => onChange(swapSeats(invitees, from, to))}
            />
            <Text size="sm" c="dimmed" maw={400} ta="center">
              {t('seating.help')}
            </Text>
          </Stack>
        )}
      </Group>
    </Card>
  )
}

type TableProps = Omit<Props, 'centre' | 'seatLayout' | 'onLayoutChange'> & { nameOf: (personId: string) => string }

function InviteesTable(props: TableProps) {
  const { t } = useTranslation()
  return (
    <Table verticalSpacing={6} aria-label={t('planner.invitees.title')}>
      <Table.Thead>
        <Table.Tr>
          {/* The narrow columns as narrow as their content, so that the name and the place get the room. */}
          <Table.Th w={1} style={{ whiteSpace: 'nowrap' }}>
            {t('planner.invitees.seat')}
          </Table.Th>
          <Table.Th>{t('people.columns.name')}</Table.Th>
          <Table.Th w={1}>{t('planner.invitees.role')}</Table.Th>
          <Table.Th w={1} style={{ whiteSpace: 'nowrap' }}>
            {t('planner.invitees.seated')}
          </Table.Th>
          <Table.Th w={1} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.invitees.map((invitee, index) => (
          <InviteeRow key={invitee.personId} {...props} index={index} />
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** One invitee: seat number (seated ones count in list order), name and place, role, seated or not, order. */
function InviteeRow({ invitees, people, onChange, fieldError, nameOf, index }: TableProps & { index: number }) {
  const { t } = useTranslation()
  const invitee = invitees[index]!
  const person = people.get(invitee.personId)
  const name = nameOf(invitee.personId)
  const seat = invitee.seated ? invitees.slice(0, index + 1).filter((other) => other.seated).length : null
  const error = fieldError(`invitees.${index}.personId`) ?? fieldError(`invitees.${index}.seatNumber`)
  const update = (patch: Partial<InviteeItem>): void => onChange(invitees.map((other, i) => (i === index ? { ...other, ...patch } : other)))
  return (
    <Table.Tr>
      <Table.Td fw={700}>{seat ?? '—'}</Table.Td>
      <Table.Td>
        <Text fw={600}>{name}</Text>
        <Text size="xs" c="dimmed">
          {person ? placeOf(person) : ''}
        </Text>
        {error && (
          <Text size="xs" c="red">
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {DERIVED_ROLES.includes(invitee.role) ? (
          <Badge variant="light" size="lg">
            {t(`roles.${invitee.role}`)}
          </Badge>
        ) : (
          <Select
            size="sm"
            w={140}
            aria-label={t('planner.invitees.roleOf', { name })}
            data={CHOSEN_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={invitee.role}
            allowDeselect={false}
            onChange={(role) => role && update({ role: role as AttendanceRole })}
          />
        )}
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t('planner.invitees.seatedOf', { name })}
          checked={invitee.seated}
          onChange={(event) => update({ seated: event.currentTarget.checked })}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={t('planner.invitees.moveUp', { name })}
            disabled={index === 0}
            onClick={() => onChange(move(invitees, index, index - 1))}
          >
            <IconArrowUp size={18} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            aria-label={t('planner.invitees.moveDown', { name })}
            disabled={index === invitees.length - 1}
            onClick={() => onChange(move(invitees, index, index + 1))}
          >
            <IconArrowDown size={18} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('planner.invitees.remove', { name })}
            onClick={() => onChange(invitees.filter((_, i) => i !== index))}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      </Table.Td>
    </Table.Tr>
  )
}
