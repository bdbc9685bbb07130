import type { liveContract } from '../../shared/contract/live'
import type { HandlersFor } from '../handler-kinds'
import { getSession } from '../sessions/sessions'
import { act, addWalkIn, addWalkIns, checkIn, checkInEveryone, endSession, liveView, setServiceHours, startSession, undo } from './live'

export const liveHandlers = {
  'sessions:start': (ctx, { id }) => startSession(ctx, id),
  'sessions:end': (ctx, { id }) => endSession(ctx, id),
  'live:get': (ctx, { sessionId }) => liveView(ctx, sessionId),
  'live:act': (ctx, { sessionId, action }) => act(ctx, sessionId, action),
  'live:undo': (ctx, { sessionId }) => undo(ctx, sessionId),
  'live:checkIn': (ctx, input) => checkIn(ctx, input),
  'live:addWalkIn': (ctx, input) => addWalkIn(ctx, input),
  'live:addWalkIns': (ctx, input) => addWalkIns(ctx, input),
  'live:checkInEveryone': (ctx, { sessionId }) => checkInEveryone(ctx, sessionId),
  'attendance:setServiceHours': (ctx, input) => setServiceHours(ctx, input),
  'projector:open': (ctx, { sessionId }) => {
    getSession(ctx, sessionId)
    return { opened: ctx.platform.openProjector?.(sessionId) ?? false }
  }
} satisfies HandlersFor<typeof liveContract>
