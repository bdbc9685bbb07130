import { describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/contract'
import type { Person } from '../../../src/shared/domain'
import { EMPTY_PERSON, fieldsOf } from '../../../src/renderer/src/features/people/person-fields'

const PERSON: Person = {
  id: '0b7d4c1e-2f3a-4b5c-8d6e-7f8091a2b3c4',
  name: '温乐义',
  gender: 'male',
  organisation: '',
  village: '温集新村',
  categories: ['党员'],
  phone: '13800000001',
  note: '',
  archivedAt: null,
  hasHistory: true,
  isDemo: false,
  createdAt: 1,
  updatedAt: 2
}

describe('the person form’s values', () => {
  it('are what the contract takes: an edit sends them with the id alone, and core accepts it', () => {
    expect(Object.keys(fieldsOf(PERSON)).sort()).toEqual(Object.keys(EMPTY_PERSON).sort())
    expect(contract['people:update'].input.safeParse({ ...fieldsOf(PERSON), id: PERSON.id }).success).toBe(true)
    // The whole record, as the form once sent it, is refused.
    expect(contract['people:update'].input.safeParse(PERSON).success).toBe(false)
  })

  it('start empty for a new person, and that is a valid person once named', () => {
    expect(contract['people:create'].input.safeParse({ ...EMPTY_PERSON, name: '郑文华' }).success).toBe(true)
  })
})
