import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fullPlaceOf, nameLabels, pickerLabels, placeOf, type NamedPerson } from '../../../src/shared/people'

const person = (id: string, name: string, village = '', organisation = ''): NamedPerson => ({ id, name, village, organisation })

describe('a person’s place', () => {
  it('is the village, else the unit; both for a description', () => {
    expect(placeOf(person('a', '温乐义', '温集新村', '温集新村党支部'))).toBe('温集新村')
    expect(placeOf(person('a', '翟自恩', '', '郑家镇辖区企业'))).toBe('郑家镇辖区企业')
    expect(placeOf(person('a', '无名', ' ', ''))).toBe('')
    expect(fullPlaceOf(person('a', '温乐义', '温集新村', '党支部'))).toBe('温集新村 · 党支部')
  })
})

describe('nameLabels', () => {
  it('gives the bare name to someone with no namesake on the list', () => {
    const labels = nameLabels([person('a', '温乐义', '温集新村'), person('b', '李芳', '', '党员暖心志愿服务队')])
    expect([...labels.values()]).toEqual(['温乐义', '李芳'])
  })

  it('adds the village (else the unit) in full-width brackets where a namesake is listed', () => {
    const labels = nameLabels([person('a', '温乐义', '温集新村'), person('b', '温乐义', '郑家村'), person('c', '温乐义', '', '郑家镇辖区企业')])
    expect(labels).toEqual(
      new Map([
        ['a', '温乐义（温集新村）'],
        ['b', '温乐义（郑家村）'],
        ['c', '温乐义（郑家镇辖区企业）']
      ])
    )
  })

  it('adds the unit too when namesakes share a village, and a number when even that is the same', () => {
    const labels = nameLabels([
      person('a', '王明', '温集新村', '合作社'),
      person('b', '王明', '温集新村', '村委会'),
      person('c', '王明', '郑家村', '企业'),
      person('d', '王明', '郑家村', '企业'),
      person('e', '王明', '郑家村', '企业')
    ])
    expect([...labels.values()]).toEqual(['王明（温集新村 · 合作社）', '王明（温集新村 · 村委会）', '王明（郑家村 · 企业，1）', '王明（郑家村 · 企业，2）', '王明（郑家村 · 企业，3）'])
  })

  it('counts a person listed twice once', () => {
    expect(nameLabels([person('a', '李芳', '郑家村'), person('a', '李芳', '郑家村')])).toEqual(new Map([['a', '李芳']]))
  })

  it('property: one label per person, no label shared by two people, the bare name whenever it is unique', () => {
    const names = fc.constantFrom('温乐义', '李芳', '王明', '张秀兰')
    const places = fc.constantFrom('', '温集新村', '郑家村')
    const units = fc.constantFrom('', '合作社', '企业')
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ id: fc.uuid(), name: names, village: places, organisation: units }), { selector: (p) => p.id, maxLength: 12 }), (people) => {
        const labels = nameLabels(people)
        expect(labels.size).toBe(people.length)
        expect(new Set(labels.values()).size).toBe(people.length)
        for (const p of people) {
          const label = labels.get(p.id)!
          expect(label.startsWith(p.name)).toBe(true)
          if (people.filter((other) => other.name === p.name).length === 1) expect(label).toBe(p.name)
        }
        const picker = pickerLabels(people)
        expect(new Set(picker.values()).size).toBe(people.length)
      })
    )
  })
})
