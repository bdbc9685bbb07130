import type { Translation } from './zh-CN'

export const en: Translation = {
  app: {
    name: 'Roundtable',
    tagline: 'Ideological roundtable · sessions, remarks and minutes',
    skipToContent: 'Skip to main content',
    navigation: 'Main navigation'
  },
  nav: {
    sessions: 'Sessions',
    people: 'People',
    themes: 'Themes',
    search: 'Search',
    settings: 'Settings'
  },
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    save: 'Save',
    saving: 'Saving…',
    notFoundPage: 'There is no such page',
    backHome: 'Back to sessions'
  },
  sessions: {
    title: 'Sessions',
    description: 'Plan, run and look back on every roundtable session.',
    upcoming: 'Upcoming',
    past: 'Past',
    emptyUpcomingTitle: 'No upcoming sessions',
    emptyPastTitle: 'No past sessions yet',
    emptyDescription: 'Planned sessions appear here by date.',
    columns: { date: 'Time', title: 'Session', theme: 'Theme', venue: 'Venue', status: 'Status' },
    status: { planned: 'Planned', live: 'Live', ended: 'Ended', cancelled: 'Cancelled' }
  },
  people: {
    title: 'People',
    description: 'Party members, cadres, villagers and volunteers who take part.',
    emptyTitle: 'The directory is empty',
    emptyDescription: 'People you add or import from a roster appear here.',
    count: '{{count}} people',
    columns: { name: 'Name', gender: 'Gender', organisation: 'Unit / village', categories: 'Categories', phone: 'Phone' },
    gender: { male: 'Male', female: 'Female', unknown: '—' }
  },
  themes: {
    title: 'Themes',
    description: 'Study themes and their materials.',
    emptyTitle: 'The theme library is empty',
    emptyDescription: 'Themes you add appear here and can be chosen for a new session.',
    columns: { title: 'Theme', tags: 'Tags', sessions: 'Used in' },
    sessionCount: '{{count}} sessions'
  },
  search: {
    title: 'Search',
    description: 'Find sessions, themes and people.',
    label: 'Keywords',
    placeholder: 'Type keywords, e.g. rural revitalisation',
    hint: 'Type keywords; results appear as you type or when you press Enter.',
    noResults: 'Nothing matches “{{query}}”.',
    resultCount: '{{count}} results',
    kinds: { session: 'Session', theme: 'Theme', person: 'Person' }
  },
  settings: {
    title: 'Settings',
    description: 'These settings are kept in the database on this computer.',
    language: 'Language',
    languageDescription: 'Applies at once and is kept the next time you open the app.',
    languages: { 'zh-CN': '简体中文', en: 'English' },
    organisation: 'Organisation',
    organisationName: 'Organisation name',
    organisationNameDescription: 'Shown as the organiser on minutes and records.',
    defaultVenue: 'Default venue',
    defaultVenueDescription: 'Filled in for every new session.',
    saved: 'Settings saved',
    about: 'About',
    version: 'Version',
    schemaVersion: 'Database schema version',
    databaseFile: 'Data file'
  },
  errors: {
    title: 'That did not work',
    invalid_input: 'Some input is not right; check the marked fields and try again.',
    not_found: 'This record cannot be found; it may have been deleted.',
    conflict: 'This record was changed meanwhile; reload and try again.',
    unknown_channel: 'Internal error: unknown operation. Please update the app.',
    forbidden: 'Refused: the request did not come from a Roundtable window.',
    internal: 'Something went wrong inside the app and nothing was changed. Try again; if it keeps happening, contact your administrator.',
    network: 'Cannot reach the Roundtable service. Check that the app is still running, then reload the page.',
    unauthorized: 'The access token is missing or out of date. Open the full address printed when the app started.'
  },
  validation: {
    required: 'Required',
    too_big: 'At most {{max}} characters',
    too_small: 'At least {{min}}',
    invalid_type: 'Not in the right format',
    invalid_format: 'Not in the right format',
    invalid_value: 'Not one of the allowed values',
    unrecognized_keys: 'Unknown fields: {{keys}}',
    custom: 'Not acceptable'
  }
}
