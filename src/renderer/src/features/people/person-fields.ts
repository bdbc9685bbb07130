import type { Person, PersonFields } from '@shared/domain'

/** A new person's form, before anything is typed. */
export const EMPTY_PERSON: PersonFields = { name: '', gender: null, organisation: '', village: '', categories: [], phone: null, note: '' }

/**
 * Only what the person form edits: the contract's input is strict, so the record's other keys (archivedAt,
 * hasHistory, createdAt …) would have the whole edit refused. The id is sent on its own.
 */
export const fieldsOf = ({ name, gender, organisation, village, categories, phone, note }: Person): PersonFields =>
  ({ name, gender, organisation, village, categories, phone, note })
