import type { FirstRun, TourProgress, TourStep } from '@shared/domain'
import type { Result } from '@shared/result'
import { api } from '../../api'
import type { FirstRunState } from './first-run'

/** The session the walk-through shows (core chooses: the 示例场次 while it is there, else the user's own). */
export async function chooseTourSession(): Promise<string | null> {
  const result = await api.invoke('firstRun:get', {})
  return result.ok ? result.value.tourSession : null
}

/** Starts the walk-through from its first step, or (`resume`) carries on where it was left. */
export async function startTour(update: FirstRunState['update'], from: TourProgress | undefined, how: 'resume' | 'restart'): Promise<Result<FirstRun>> {
  const resuming = how === 'resume' && from && from.status !== 'completed' && from.status !== 'notStarted'
  const step: TourStep = resuming ? from.step : 'plan'
  const sessionId = (resuming ? from.sessionId : null) ?? (await chooseTourSession())
  return update({ tour: { status: 'running', step, sessionId } })
}
