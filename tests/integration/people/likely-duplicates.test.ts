import { afterEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src/core/core'
import type { InputOf } from '../../../src/shared/contract'
import type { Person } from '../../../src/shared/domain'
import { errorOf, runCleanups, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

async function create(core: Core, input: InputOf<'people:create'>): Promise<Person> {
  return valueOf(await core.invoke('people:create', input))
}

async function likely(core: Core, input: InputOf<'people:findLikelyDuplicates'>): Promise<string[]> {
  return valueOf(await core.invoke('people:findLikelyDuplicates', input)).map((person) => person.id)
}

describe('people:findLikelyDuplicates', () => {
  it('finds the same name of the same place, however typed, and anyone with the same phone; not a namesake elsewhere', async () => {
    const core = testCore()
    const wen = await create(core, { name: '温乐义', village: '温集新村' })
    const namesake = await create(core, { name: '温乐义', village: '郑家村' })
    const zhai = await create(core, { name: '翟自恩', organisation: '郑家镇辖区企业', phone: '138 0000 0000' })

    expect(await likely(core, { name: '温 乐义', village: '温集新村 ' })).toEqual([wen.id])
    expect(await likely(core, { name: '温乐义', village: '郑家村' })).toEqual([namesake.id])
    expect(await likely(core, { name: '温乐义', village: '韩庄村' })).toEqual([])
    // The same phone, written another way, under another name.
    expect(await likely(core, { name: '翟自新', phone: '13800000000' })).toEqual([zhai.id])
    // Editing a person does not find the person itself.
    expect(await likely(core, { name: '温乐义', village: '温集新村', excludeId: wen.id })).toEqual([])
    expect(await likely(core, { name: '' })).toEqual([])
  })

  it('includes archived people, writes nothing, and refuses a malformed phone', async () => {
    const core = testCore()
    const wen = await create(core, { name: '温乐义', village: '温集新村' })
    valueOf(await core.invoke('people:archive', { id: wen.id, archived: true }))
    expect(await likely(core, { name: '温乐义', village: '温集新村' })).toEqual([wen.id])
    expect(errorOf(await core.invoke('people:findLikelyDuplicates', { name: '温乐义', phone: 'abc' })).code).toBe('invalid_input')
  })
})
