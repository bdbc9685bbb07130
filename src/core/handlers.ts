import type { Channel, OutputOf, ParsedInputOf } from '../shared/contract'
import { backupsList, createBackup, restoreBackup } from './backup/handlers'
import type { CoreContext } from './context'
import { createDecision, deleteDecision, listDecisions, updateDecision } from './decisions/decisions'
import { demoPresent, demoRemovalPlan, removeDemo } from './demo/demo'
import { revealFile, saveFile } from './files/save'
import { exportDocument, printDocument, sendToPrinter } from './minutes/export'
import { buildMinutes } from './minutes/model'
import { act, addWalkIn, checkIn, checkInEveryone, endSession, liveView, setServiceHours, startSession, undo } from './live/live'
import { archivePerson, createPerson, deletePerson, getPerson, listPeople, updatePerson } from './people/people'
import { exportPeople } from './people/roster-export'
import { commitImport, previewImport } from './people/roster-import'
import { createRemark, deleteRemark, getDraft, listRemarks, saveDraft, updateRemark } from './remarks/remarks'
import { search } from './search/search'
import { cancelSession, createSession, duplicateSession, getSession, listSessions, setSummary, updateSession } from './sessions/sessions'
import { getSettings, updateSettings } from './settings/settings'
import { schemaVersion } from './store/database'
import { createTheme, deleteTheme, getTheme, listThemes, updateTheme } from './themes/themes'

/**
 * A handler is either synchronous — then core runs it inside one transaction, so it writes all or
 * nothing — or `async` (it awaits file parsing or rendering) and opens its own transaction for its writes.
 */
export type Handlers = {
  [C in Channel]: (ctx: CoreContext, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>
}

const OWN_TRANSACTIONS = Symbol('runs its own transactions')

/**
 * Marks an async handler: it awaits (file parsing, rendering), so core cannot hold a transaction open
 * around it; it opens its own for its writes. A mark, not a guess from the function's kind, so a build
 * that rewrites async functions cannot change how a handler is run.
 */
function runsItsOwnTransactions<I, O>(handler: (ctx: CoreContext, input: I) => Promise<O>) {
  return Object.assign(handler, { [OWN_TRANSACTIONS]: true })
}

export const isAsyncHandler = (handler: unknown): boolean =>
  typeof handler === 'function' && OWN_TRANSACTIONS in handler

/** One handler per channel of the contract; `satisfies` makes a missing or mistyped one a compile error. */
export const handlers = {
  'app:info': (ctx) => ({
    version: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    databaseFile: ctx.databaseFile,
    demoPresent: demoPresent(ctx),
    health: { ...ctx.health }
  }),
  'settings:get': (ctx) => getSettings(ctx),
  'settings:update': (ctx, patch) => updateSettings(ctx, patch),

  'people:list': (ctx, input) => listPeople(ctx, input),
  'people:get': (ctx, { id }) => getPerson(ctx, id),
  'people:create': (ctx, fields) => createPerson(ctx, fields),
  'people:update': (ctx, { id, ...fields }) => updatePerson(ctx, id, fields),
  'people:archive': (ctx, { id, archived }) => archivePerson(ctx, id, archived),
  'people:delete': (ctx, { id }) => deletePerson(ctx, id),
  'people:importPreview': runsItsOwnTransactions(previewImport),
  'people:importCommit': runsItsOwnTransactions(commitImport),
  'people:export': runsItsOwnTransactions(exportPeople),

  'themes:list': (ctx) => listThemes(ctx),
  'themes:get': (ctx, { id }) => getTheme(ctx, id),
  'themes:create': (ctx, fields) => createTheme(ctx, fields),
  'themes:update': (ctx, { id, ...fields }) => updateTheme(ctx, id, fields),
  'themes:delete': (ctx, { id }) => deleteTheme(ctx, id),

  'sessions:list': (ctx, input) => listSessions(ctx, input),
  'sessions:get': (ctx, { id }) => getSession(ctx, id),
  'sessions:create': (ctx, plan) => createSession(ctx, plan),
  'sessions:update': (ctx, { id, ...plan }) => updateSession(ctx, id, plan),
  'sessions:duplicate': (ctx, { id }) => duplicateSession(ctx, id),
  'sessions:cancel': (ctx, { id }) => cancelSession(ctx, id),

  'sessions:start': (ctx, { id }) => startSession(ctx, id),
  'sessions:end': (ctx, { id }) => endSession(ctx, id),

  'live:get': (ctx, { sessionId }) => liveView(ctx, sessionId),
  'live:act': (ctx, { sessionId, action }) => act(ctx, sessionId, action),
  'live:undo': (ctx, { sessionId }) => undo(ctx, sessionId),
  'live:checkIn': (ctx, input) => checkIn(ctx, input),
  'live:addWalkIn': (ctx, input) => addWalkIn(ctx, input),
  'live:checkInEveryone': (ctx, { sessionId }) => checkInEveryone(ctx, sessionId),
  'attendance:setServiceHours': (ctx, input) => setServiceHours(ctx, input),
  'projector:open': (ctx, { sessionId }) => {
    getSession(ctx, sessionId)
    return { opened: ctx.platform.openProjector?.(sessionId) ?? false }
  },

  'demo:plan': (ctx) => demoRemovalPlan(ctx),
  'demo:remove': (ctx) => removeDemo(ctx),
  'backups:list': (ctx) => backupsList(ctx),
  'backups:create': runsItsOwnTransactions(createBackup),
  // Outside a transaction: it closes and reopens the database.
  'backups:restore': runsItsOwnTransactions(async (ctx, input) => restoreBackup(ctx, input)),

  'remarks:list': (ctx, { sessionId }) => listRemarks(ctx, sessionId),
  'remarks:create': (ctx, input) => createRemark(ctx, input),
  'remarks:update': (ctx, input) => updateRemark(ctx, input),
  'remarks:delete': (ctx, { id }) => deleteRemark(ctx, id, true),
  'remarks:restore': (ctx, { id }) => deleteRemark(ctx, id, false),
  'drafts:get': (ctx, { sessionId }) => getDraft(ctx, sessionId),
  'drafts:save': (ctx, draft) => saveDraft(ctx, draft),

  'sessions:setSummary': (ctx, { id, summary }) => setSummary(ctx, id, summary),
  'decisions:list': (ctx, filter) => listDecisions(ctx, filter),
  'decisions:create': (ctx, input) => createDecision(ctx, input),
  'decisions:update': (ctx, input) => updateDecision(ctx, input),
  'decisions:delete': (ctx, { id }) => deleteDecision(ctx, id),

  'minutes:get': (ctx, { sessionId }) => buildMinutes(ctx, sessionId),
  'minutes:export': runsItsOwnTransactions(exportDocument),
  'minutes:print': (ctx, input) => printDocument(ctx, input),
  'minutes:sendToPrinter': runsItsOwnTransactions(sendToPrinter),
  'files:save': runsItsOwnTransactions(saveFile),
  'files:reveal': (ctx, input) => revealFile(ctx, input),

  'search:query': (ctx, query) => search(ctx, query)
} satisfies Handlers

