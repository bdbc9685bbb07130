import type { Channel, OutputOf, ParsedInputOf } from '../shared/contract'
import type { CoreContext } from './context'
import { getPerson, listPeople } from './people/people'
import { search } from './search/search'
import { getSession, listSessions } from './sessions/sessions'
import { getSettings, updateSettings } from './settings/settings'
import { schemaVersion } from './store/database'
import { getTheme, listThemes } from './themes/themes'

export type Handlers = {
  [C in Channel]: (ctx: CoreContext, input: ParsedInputOf<C>) => OutputOf<C>
}

/** One handler per channel of the contract; `satisfies` makes a missing or mistyped one a compile error. */
export const handlers = {
  'app:info': (ctx) => ({
    version: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    databaseFile: ctx.databaseFile
  }),
  'settings:get': (ctx) => getSettings(ctx),
  'settings:update': (ctx, patch) => updateSettings(ctx, patch),
  'people:list': (ctx, input) => listPeople(ctx, input),
  'people:get': (ctx, { id }) => getPerson(ctx, id),
  'themes:list': (ctx) => listThemes(ctx),
  'themes:get': (ctx, { id }) => getTheme(ctx, id),
  'sessions:list': (ctx, input) => listSessions(ctx, input),
  'sessions:get': (ctx, { id }) => getSession(ctx, id),
  'search:query': (ctx, { text }) => search(ctx, text)
} satisfies Handlers
