import { Box, Button, Group, Paper, Portal, Progress, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconArrowRight, IconCheck, IconMapPin } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from '../../i18n/use-translation'
import { TOUR_STEPS, type TourProgress } from '@shared/domain'
import { goTo } from '../../router'
import { useFirstRun } from './first-run'
import { chooseTourSession } from './start-tour'
import { findTarget, STEPS, stepIndex, type StepDefinition } from './tour-steps'
import classes from './TourGuide.module.css'

const CARD_WIDTH = 380
const MARGIN = 24
/** Under the shell's header (64 px). */
const TOP = 80

/**
 * The walk-through while it runs: the step's real page, its real control ringed (the rest of the page dimmed
 * but still usable: the ring lets every click through), and a card saying what the control does, with
 * 上一步 / 下一步 / 完成导览 / 退出导览. Every move is written to the archive first, so a reload or a restart
 * shows the same step.
 */
export function TourGuide() {
  const { t } = useTranslation()
  const { firstRun, update } = useFirstRun()
  const tour = firstRun?.tour
  if (!tour || tour.status !== 'running') return null
  return <RunningTour tour={tour} update={update} t={t} />
}

function RunningTour({ tour, update, t }: { tour: TourProgress; update: ReturnType<typeof useFirstRun>['update']; t: TFunction }) {
  const index = stepIndex(tour.step)
  const definition = STEPS[index]!
  const href = definition.href(tour.sessionId)
  const target = useTarget(definition, t)
  const [busy, setBusy] = useState(false)

  // Each step opens its page once, when it begins (or is resumed); the user may then go elsewhere.
  const opened = useRef<string | null>(null)
  useEffect(() => {
    const key = `${tour.step}|${tour.sessionId ?? ''}`
    if (opened.current === key) return
    opened.current = key
    if (window.location.hash !== href) goTo(href)
  }, [tour.step, tour.sessionId, href])

  async function move(to: number): Promise<void> {
    setBusy(true)
    // A session planned during the first step is the one the next steps show.
    const sessionId = tour.sessionId ?? (await chooseTourSession())
    await update({ tour: { status: 'running', step: TOUR_STEPS[to]!, sessionId } })
    setBusy(false)
  }
  async function leave(): Promise<void> {
    const result = await update({ tour: { ...tour, status: 'left' } })
    if (result.ok) notifications.show({ message: t('tour.left') })
  }
  async function complete(): Promise<void> {
    const result = await update({ tour: { ...tour, status: 'completed' } })
    if (result.ok) notifications.show({ message: t('tour.completed'), color: 'green' })
  }

  const last = index === TOUR_STEPS.length - 1
  const body =
    tour.sessionId === null && tour.step !== 'plan'
      ? t('tour.noSession')
      : target && !target.primary && tour.step !== 'plan'
        ? t(`tour.steps.${tour.step as Exclude<typeof tour.step, 'plan'>}.fallback`)
        : t(`tour.steps.${tour.step}.body`)
  const place = cardPlace(target?.rect ?? null)

  return (
    <Portal>
      {target && (
        <Box
          className={classes.ring}
          aria-hidden
          data-testid="tour-highlight"
          style={{ top: target.rect.top - 6, left: target.rect.left - 6, width: target.rect.width + 12, height: target.rect.height + 12 }}
        />
      )}
      <Paper
        data-tour-card
        // An aside, not a dialog: while a dialog is open the console's keys rest (common/keyboard.ts), and the
        // walk-through must leave them working.
        component="aside"
        aria-labelledby="tour-step-title"
        shadow="xl"
        radius="md"
        p="lg"
        withBorder
        className={classes.card}
        w={CARD_WIDTH}
        style={place}
      >
        <Stack gap="sm">
          <Group gap={6}>
            <IconMapPin size={18} aria-hidden />
            <Text size="sm" fw={600} c="dimmed">
              {t('tour.label')} · {t('tour.progress', { current: index + 1, total: TOUR_STEPS.length })}
            </Text>
          </Group>
          <Progress value={((index + 1) / TOUR_STEPS.length) * 100} size="sm" aria-hidden />
          <Title order={2} fz="xl" id="tour-step-title">
            {t(`tour.steps.${tour.step}.title`)}
          </Title>
          <Text size="md">{body}</Text>
          {!target && window.location.hash !== href && (
            <Button variant="light" size="sm" onClick={() => goTo(href)}>
              {t('tour.goThere')}
            </Button>
          )}
          <Group justify="space-between" mt="xs">
            <Button variant="subtle" color="gray" onClick={() => void leave()}>
              {t('tour.leave')}
            </Button>
            <Group gap="xs">
              {index > 0 && (
                <Button variant="default" leftSection={<IconArrowLeft size={18} />} disabled={busy} onClick={() => void move(index - 1)}>
                  {t('tour.back')}
                </Button>
              )}
              {last ? (
                <Button color="green" leftSection={<IconCheck size={18} />} onClick={() => void complete()}>
                  {t('tour.finish')}
                </Button>
              ) : (
                <Button rightSection={<IconArrowRight size={18} />} loading={busy} onClick={() => void move(index + 1)}>
                  {t('tour.next')}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      </Paper>
    </Portal>
  )
}

interface Rect {
  top: number
  left: number
  width: number
  height: number
}

/**
 * The step's control and where it is now, followed as the page changes (a dialog opens, the list loads, the
 * window is resized or scrolled). Measured at most once a frame; an unchanged place changes nothing.
 */
function useTarget(definition: StepDefinition, t: TFunction): { rect: Rect; primary: boolean } | null {
  const [state, setState] = useState<{ element: HTMLElement; rect: Rect; primary: boolean } | null>(null)
  useEffect(() => {
    let frame = 0
    let shown: HTMLElement | null = null
    const measure = (): void => {
      frame = 0
      const found = findTarget(definition, t)
      if (found && found.element !== shown) {
        shown = found.element
        found.element.scrollIntoView({ block: 'nearest', inline: 'nearest' })
      }
      const box = found?.element.getBoundingClientRect()
      const rect = box ? { top: Math.round(box.top), left: Math.round(box.left), width: Math.round(box.width), height: Math.round(box.height) } : null
      setState((previous) => {
        if (!found || !rect) return null
        if (previous && previous.element === found.element && previous.primary === found.primary && sameRect(previous.rect, rect)) return previous
        return { element: found.element, rect, primary: found.primary }
      })
    }
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(measure)
    }
    measure()
    const observer = new MutationObserver(schedule)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true })
    window.addEventListener('resize', schedule)
    window.addEventListener('scroll', schedule, true)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', schedule)
      window.removeEventListener('scroll', schedule, true)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [definition, t])
  return state && { rect: state.rect, primary: state.primary }
}

const sameRect = (a: Rect, b: Rect): boolean => a.top === b.top && a.left === b.left && a.width === b.width && a.height === b.height

/** The card sits in a corner the ringed control is not in: bottom right, else bottom left, else top right. */
function cardPlace(rect: Rect | null): React.CSSProperties {
  const height = 300
  const corners: { style: React.CSSProperties; box: Rect }[] = [
    { style: { right: MARGIN, bottom: MARGIN }, box: { left: window.innerWidth - MARGIN - CARD_WIDTH, top: window.innerHeight - MARGIN - height, width: CARD_WIDTH, height } },
    { style: { left: MARGIN, bottom: MARGIN }, box: { left: MARGIN, top: window.innerHeight - MARGIN - height, width: CARD_WIDTH, height } },
    { style: { right: MARGIN, top: TOP }, box: { left: window.innerWidth - MARGIN - CARD_WIDTH, top: TOP, width: CARD_WIDTH, height } }
  ]
  const free = rect ? corners.find(({ box }) => !overlaps(box, rect)) : corners[0]
  return (free ?? corners[0]!).style
}

const overlaps = (a: Rect, b: Rect): boolean => a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height
