import type { sessionsContract } from '../../shared/contract/sessions'
import type { HandlersFor } from '../handler-kinds'
import { cancelSession, createSession, duplicateSession, getSession, listSessions, setSummary, updateSession } from './sessions'

export const sessionsHandlers = {
  'sessions:list': (ctx, input) => listSessions(ctx, input),
  'sessions:get': (ctx, { id }) => getSession(ctx, id),
  'sessions:create': (ctx, plan) => createSession(ctx, plan),
  'sessions:update': (ctx, { id, ...plan }) => updateSession(ctx, id, plan),
  'sessions:duplicate': (ctx, { id }) => duplicateSession(ctx, id),
  'sessions:cancel': (ctx, { id }) => cancelSession(ctx, id),
  'sessions:setSummary': (ctx, { id, summary }) => setSummary(ctx, id, summary)
} satisfies HandlersFor<typeof sessionsContract>
