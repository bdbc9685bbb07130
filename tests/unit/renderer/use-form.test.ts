import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ChangeEvent, FormEvent } from 'react'
import type { Channel } from '../../../src/shared/contract'
import type { Person, PersonFields } from '../../../src/shared/domain'
import { LIMITS } from '../../../src/shared/limits'
import { fail, ok, type FieldIssue, type Result } from '../../../src/shared/result'
import { api } from '../../../src/renderer/src/api'
import { EMPTY_PERSON } from '../../../src/renderer/src/features/people/person-fields'
import { useForm, type FormOptions } from '../../../src/renderer/src/shell/use-form'
import { renderHook } from './fake-react'

// No DOM here: React's hooks come from a small stand-in (see fake-react.ts), messages from the real zh-CN texts.
vi.mock('react', async () => (await import('./fake-react')).fakeReact)
vi.mock('../../../src/renderer/src/i18n/use-translation', async () => {
  const { default: i18next } = await import('i18next')
  const { zhCN } = await import('../../../src/renderer/src/i18n/zh-CN')
  const i18n = i18next.createInstance()
  await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } })
  return { useTranslation: () => ({ t: i18n.t.bind(i18n) }) }
})
vi.mock('../../../src/renderer/src/api', () => ({ api: { invoke: vi.fn() } }))

const ID = '0b7d4c1e-2f3a-4b5c-8d6e-7f8091a2b3c4'
const EMPTY: PersonFields = EMPTY_PERSON
const saved = (fields: PersonFields): Person => ({ ...fields, id: ID, archivedAt: null, hasHistory: false, isDemo: false, createdAt: 1, updatedAt: 1 })

type Invoke = (channel: Channel, raw: unknown) => Promise<Result<unknown>>
const invoke = (): ReturnType<typeof vi.fn<Invoke>> => vi.mocked(api.invoke) as unknown as ReturnType<typeof vi.fn<Invoke>>

/**
 * Answers as core does (src/core/validation.ts, which this project's web tests cannot import): a blank
 * name is `required`, an overlong village `too_big` with its limit; anything else is stored.
 */
function answerLikeCore(): void {
  invoke().mockImplementation(async (channel, raw) => {
    const fields = raw as PersonFields
    const issues: FieldIssue[] = []
    if (!fields.name.trim()) issues.push({ path: ['name'], code: 'required', message: 'Too small' })
    if (fields.village.length > LIMITS.shortText) issues.push({ path: ['village'], code: 'too_big', params: { max: LIMITS.shortText }, message: 'Too big' })
    return issues.length > 0 ? fail('invalid_input', `Invalid input for ${channel}`, issues) : ok(saved(fields))
  })
}

function personForm(options: Partial<FormOptions<PersonFields, 'people:create'>> = {}) {
  const onSaved = vi.fn()
  const form = renderHook(() =>
    useForm<PersonFields, 'people:create'>({ initial: EMPTY, channel: 'people:create', toInput: (values) => values, onSaved, ...options })
  )
  return { form, onSaved }
}

const typed = (value: string) => ({ currentTarget: { value } }) as ChangeEvent<HTMLInputElement>

beforeEach(() => {
  invoke().mockReset()
  answerLikeCore()
})

describe('a form’s values', () => {
  it('start from the initial values, made once when given as a function', () => {
    const make = vi.fn(() => ({ ...EMPTY, name: '郑文华' }))
    const { form } = personForm({ initial: make })
    form.current.set('village', '郑家村')
    expect(form.current.values).toEqual({ ...EMPTY, name: '郑文华', village: '郑家村' })
    expect(make).toHaveBeenCalledTimes(1)
  })

  it('bind to a text box (a null value shows as empty) and to an input that hands over its value', () => {
    const { form } = personForm()
    expect(form.current.text('phone')).toMatchObject({ value: '', error: undefined })
    form.current.text('phone').onChange(typed('138 0013 8000'))
    form.current.field('categories').onChange(['党员', '青年'])
    expect(form.current.values).toMatchObject({ phone: '138 0013 8000', categories: ['党员', '青年'] })
    expect(form.current.field('categories').value).toEqual(['党员', '青年'])
    expect(form.current.text('phone').value).toBe('138 0013 8000')
  })

  it('pass through `derive` after every change, for values that follow from others', () => {
    const { form } = personForm({ derive: (values) => ({ ...values, note: values.name ? `${values.name}的备注` : '' }) })
    form.current.change({ name: '高明', village: '温集新村' })
    expect(form.current.values).toMatchObject({ name: '高明', village: '温集新村', note: '高明的备注' })
    form.current.set('name', '')
    expect(form.current.values.note).toBe('')
  })

  it('go back to the initial values on reset', () => {
    const { form } = personForm()
    form.current.set('name', '孙丽')
    form.current.reset()
    expect(form.current.values).toEqual(EMPTY)
  })
})

describe('sending a form', () => {
  it('sends what toInput makes of the values on the channel, running until core answers, then calls onSaved', async () => {
    let answer!: (result: Result<unknown>) => void
    invoke().mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)))
    const { form, onSaved } = personForm({ toInput: (values) => ({ ...values, phone: values.phone?.trim() || null }) })
    form.current.change({ name: '周强', phone: '  ' })
    const sending = form.current.submit()
    expect(form.current.running).toBe(true)
    expect(invoke()).toHaveBeenCalledWith('people:create', { ...EMPTY, name: '周强', phone: null })
    answer(ok(saved({ ...EMPTY, name: '周强' })))
    await sending
    expect(form.current.running).toBe(false)
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: ID, name: '周强' }), expect.objectContaining({ reset: expect.any(Function) }))
    expect(form.current.error).toBeUndefined()
  })

  it('can empty itself for the next one once saved', async () => {
    const { form } = personForm({ onSaved: (_, { reset }) => reset() })
    form.current.set('name', '吴芳')
    await form.current.submit()
    expect(form.current.values).toEqual(EMPTY)
  })

  it('as a <form onSubmit>, keeps the browser from loading a page', () => {
    const { form } = personForm()
    const event = { preventDefault: vi.fn() } as unknown as FormEvent
    form.current.onSubmit(event)
    expect(event.preventDefault).toHaveBeenCalled()
    expect(invoke()).toHaveBeenCalledTimes(1)
  })
})

describe('messages beside fields', () => {
  it('come from core’s issues, translated, at the field’s path; the next good send clears them', async () => {
    const { form, onSaved } = personForm()
    form.current.change({ name: '  ', village: 'x'.repeat(LIMITS.shortText + 1) })
    await form.current.submit()
    expect(form.current.error).toMatchObject({ code: 'invalid_input' })
    expect(form.current.fieldError('name')).toBe('此项必填')
    expect(form.current.text('name').error).toBe('此项必填')
    expect(form.current.text('village').error).toBe(`不能超过 ${LIMITS.shortText} 个字符`)
    expect(form.current.text('organisation').error).toBeUndefined()
    expect(onSaved).not.toHaveBeenCalled()

    form.current.change({ name: '郑文华', village: '郑家村' })
    await form.current.submit()
    expect(form.current.fieldError('name')).toBeUndefined()
    expect(form.current.error).toBeUndefined()
    expect(onSaved).toHaveBeenCalledTimes(1)
  })

  it('go as soon as the field is changed, and only for that field (a nested one too)', async () => {
    invoke().mockResolvedValueOnce(
      fail('invalid_input', 'bad', [
        { path: ['name'], code: 'required', message: '' },
        { path: ['village'], code: 'too_big', params: { max: 80 }, message: '' },
        { path: ['categories', 1], code: 'required', message: '' },
        { path: ['plannedEnd'], code: 'required', message: '' }
      ])
    )
    const { form } = personForm()
    form.current.set('categories', ['党员', ''])
    await form.current.submit()
    expect(form.current.text('name').error).toBe('此项必填')
    expect(form.current.fieldError('categories.1')).toBe('此项必填')

    form.current.text('name').onChange(typed('郑文华'))
    expect(form.current.text('name').error).toBeUndefined()
    expect(form.current.text('village').error).toBe('不能超过 80 个字符')
    expect(form.current.fieldError('categories.1')).toBe('此项必填')
    // A message about something the form does not hold as a value stays until the next send.
    expect(form.current.fieldError('plannedEnd')).toBe('此项必填')

    form.current.field('categories').onChange(['党员', '青年'])
    expect(form.current.fieldError('categories.1')).toBeUndefined()
    expect(form.current.text('village').error).toBe('不能超过 80 个字符')
  })

  it('from the form’s own check go once the field is filled', async () => {
    const { form } = personForm({ check: (values) => (values.village ? {} : { village: 'required' }) })
    await form.current.submit()
    expect(form.current.text('village').error).toBe('此项必填')
    form.current.text('village').onChange(typed('郑家村'))
    expect(form.current.text('village').error).toBeUndefined()
    expect(invoke()).not.toHaveBeenCalled()
  })

  it('say what a business rule’s reason says, and a code without a text of its own gets the general one', async () => {
    invoke().mockResolvedValueOnce(
      fail('invalid_input', 'rules', [
        { path: ['name'], code: 'duplicate_person', message: '' },
        { path: ['agenda', 0, 'lecturerId'], code: 'no_such_code', message: '' }
      ])
    )
    const { form } = personForm()
    await form.current.submit()
    expect(form.current.fieldError('name')).toBe('此人已在名单中，不能重复')
    expect(form.current.fieldError('agenda.0.lecturerId')).toBe('内容不符合要求')
  })

  it('leave an error that belongs to no field as the form’s error', async () => {
    invoke().mockResolvedValueOnce(fail('not_found', 'gone'))
    const { form } = personForm()
    await form.current.submit()
    expect(form.current.error).toMatchObject({ code: 'not_found' })
    expect(form.current.error?.issues).toBeUndefined()
    expect(form.current.fieldError('name')).toBeUndefined()
  })

  it('come first from the form’s own check, which keeps the form from being sent', async () => {
    const check = (values: PersonFields) => (values.village ? {} : { village: 'required' })
    invoke().mockResolvedValueOnce(
      fail('invalid_input', 'bad', [
        { path: ['name'], code: 'required', message: '' },
        { path: ['village'], code: 'too_big', params: { max: 80 }, message: '' }
      ])
    )
    const { form, onSaved } = personForm({ check })
    form.current.set('village', '郑家村')
    await form.current.submit()
    expect(form.current.fieldError('village')).toBe('不能超过 80 个字符')

    // Checked before sending: nothing goes to core, and core's last word stays for the other fields.
    form.current.set('village', '')
    await form.current.submit()
    expect(invoke()).toHaveBeenCalledTimes(1)
    expect(form.current.fieldError('village')).toBe('此项必填')
    expect(form.current.fieldError('name')).toBe('此项必填')
    expect(onSaved).not.toHaveBeenCalled()

    form.current.change({ name: '高明', village: '温集新村' })
    await form.current.submit()
    expect(invoke()).toHaveBeenCalledTimes(2)
    expect(form.current.fieldError('village')).toBeUndefined()
    expect(onSaved).toHaveBeenCalledTimes(1)
  })
})
