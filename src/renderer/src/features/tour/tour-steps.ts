import type { TFunction } from 'i18next'
import { TOUR_STEPS, type TourStep } from '@shared/domain'
import { hrefFor } from '../../router'

/**
 * The walk-through's steps over the real screens. Each points at a real control, found by what it says on
 * screen (its own translated label), so the pages it visits carry no markers for it. A step lists the
 * controls it can point at, best first: on a session that has not started yet, 传递话筒 is not there, and the
 * step points at 开始场次 instead (and says so: `fallback`).
 */
export interface StepDefinition {
  step: TourStep
  /** The page the step is on, for the session the walk-through shows (none yet: the sessions list). */
  href: (sessionId: string | null) => string
  targets: (t: TFunction) => Finder[]
}

/** Finds one control in the page, or null. */
export type Finder = (root: ParentNode) => HTMLElement | null

/** Where a step stands: the control found, and whether it is the one the step is about. */
export interface FoundTarget {
  element: HTMLElement
  primary: boolean
}

const live = (sessionId: string | null): string => (sessionId ? hrefFor('sessions', sessionId, 'live') : hrefFor('sessions'))

export const STEPS: readonly StepDefinition[] = [
  { step: 'plan', href: () => hrefFor('sessions'), targets: (t) => [button(t('sessions.new'))] },
  {
    step: 'checkIn',
    href: live,
    targets: (t) => [button(t('live.checkIn.everyonePresent')), tab(t('live.tabs.checkIn'))]
  },
  {
    step: 'passMic',
    href: live,
    targets: (t) => [button(t('live.actions.pass'), 'starts'), tab(t('live.tabs.console')), button(t('live.start'))]
  },
  {
    step: 'record',
    href: live,
    targets: (t) => [field(t('remarks.box')), tab(t('live.tabs.console')), button(t('live.start'))]
  },
  {
    step: 'export',
    href: (sessionId) => (sessionId ? hrefFor('sessions', sessionId) : hrefFor('sessions')),
    targets: (t) => [button(t('minutes.export')), button(t('sessionDetail.goLive'))]
  }
]

if (STEPS.map((definition) => definition.step).join() !== TOUR_STEPS.join()) throw new Error('The walk-through’s steps are out of order')

export const stepIndex = (step: TourStep): number => TOUR_STEPS.indexOf(step)

/** The first control of the step that is on screen now. */
export function findTarget(definition: StepDefinition, t: TFunction, root: ParentNode = document): FoundTarget | null {
  const finders = definition.targets(t)
  for (const [index, find] of finders.entries()) {
    const element = find(root)
    if (element) return { element, primary: index === 0 }
  }
  return null
}

/** Shown, and not part of the walk-through's own card or of a closed dialog. */
const onScreen = (element: HTMLElement): boolean =>
  element.getClientRects().length > 0 && !element.closest('[data-tour-card], [aria-hidden="true"], [inert]')

const textOf = (element: HTMLElement): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim()

/** A button by its label: exactly, or (a console button, whose key follows its label) at its start. */
function button(label: string, match: 'exact' | 'starts' = 'exact'): Finder {
  return (root) =>
    Array.from(root.querySelectorAll<HTMLElement>('button')).find(
      (element) => onScreen(element) && (match === 'exact' ? textOf(element) === label : textOf(element).startsWith(label))
    ) ?? null
}

/** A tab that can be chosen. */
function tab(label: string): Finder {
  return (root) =>
    Array.from(root.querySelectorAll<HTMLElement>('[role="tab"]')).find(
      (element) => onScreen(element) && textOf(element) === label && element.getAttribute('aria-disabled') !== 'true' && !element.hasAttribute('disabled')
    ) ?? null
}

/** A text field by its accessible name. */
function field(label: string): Finder {
  return (root) =>
    Array.from(root.querySelectorAll<HTMLElement>('textarea, input')).find((element) => onScreen(element) && element.getAttribute('aria-label') === label) ?? null
}
