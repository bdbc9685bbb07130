import { describe, expect, it } from 'vitest'
import type { Turn } from '../../../src/shared/speaking'
import {
  boundTo,
  boxFromDraft,
  boxKey,
  chosenFor,
  EMPTY_BOX,
  MARK_KEYS,
  movedOn,
  reboundTo,
  toggledForMinutes,
  toggledStar,
  toggledTag,
  turnOfRemark,
  typed
} from '../../../src/renderer/src/features/remarks/remark-box'

const turn = (personId: string, id = `turn-${personId}`): Turn => ({
  id,
  personId,
  segmentId: null,
  round: 1,
  kind: 'round',
  outcome: 'speaking',
  startedAt: 0,
  endedAt: null,
  pausedMs: 0,
  applause: 0
})

describe('whom the remark is for', () => {
  it('follows the mic while empty, and is bound to the speaker by the first character typed', () => {
    expect(boundTo(EMPTY_BOX, turn('a'))).toBe('a')
    expect(boundTo(EMPTY_BOX, null)).toBeNull()
    const started = typed(EMPTY_BOX, '发', turn('a'))
    expect(started).toMatchObject({ text: '发', speakerId: 'a', turnId: 'turn-a' })
    // The mic passes: the remark stays theirs, and the box says the mic has moved on.
    const more = typed(started, '发言', turn('b'))
    expect([boundTo(more, turn('b')), movedOn(more, turn('b')), movedOn(more, turn('a')), movedOn(more, null)]).toEqual(['a', true, false, false])
    expect(turnOfRemark(more, turn('b'))).toBe('turn-a')
    expect(turnOfRemark(EMPTY_BOX, turn('b'))).toBe('turn-b')
  })

  it('lets go when emptied, unless tags, the star or 入纪要 are still chosen', () => {
    const started = typed(EMPTY_BOX, '好', turn('a'))
    expect(typed(started, '  ', turn('b'))).toMatchObject({ text: '  ', speakerId: null, turnId: null })
    const tagged = toggledTag(started, '建议')
    expect(typed(tagged, '', turn('b'))).toMatchObject({ speakerId: 'a', turnId: null })
    expect(typed(toggledStar(started), '', turn('b'))).toMatchObject({ speakerId: 'a', turnId: null })
    expect(typed(toggledForMinutes(started), '', turn('b'))).toMatchObject({ speakerId: 'a', turnId: null, forMinutes: true })
    // Marked and then unmarked: nothing is chosen any more, so it lets go.
    expect(typed(toggledForMinutes(toggledForMinutes(started)), '', turn('b'))).toMatchObject({ speakerId: null, forMinutes: false })
  })

  it('Ctrl+J gives a bound draft to the speaker with their turn; an unbound box is left to follow the mic', () => {
    const started = typed(EMPTY_BOX, '好', turn('a'))
    expect(reboundTo(started, turn('b'))).toMatchObject({ speakerId: 'b', turnId: 'turn-b', text: '好' })
    expect(reboundTo(EMPTY_BOX, turn('b'))).toBe(EMPTY_BOX)
  })

  it('记给 someone: the speaker gets their turn, anyone else none', () => {
    expect(chosenFor(EMPTY_BOX, 'a', turn('a'))).toMatchObject({ speakerId: 'a', turnId: 'turn-a' })
    expect(chosenFor(EMPTY_BOX, 'c', turn('a'))).toMatchObject({ speakerId: 'c', turnId: null })
    expect(chosenFor(EMPTY_BOX, null, turn('a'))).toMatchObject({ speakerId: null, turnId: null })
  })

  it('toggles tags, the star and 入纪要, each alone, and restores a stored draft as it was', () => {
    expect(toggledTag(toggledTag(EMPTY_BOX, '建议'), '问题').tags).toEqual(['建议', '问题'])
    expect(toggledTag(toggledTag(EMPTY_BOX, '建议'), '建议').tags).toEqual([])
    expect(toggledStar(toggledStar(EMPTY_BOX)).starred).toBe(false)
    expect(EMPTY_BOX.forMinutes).toBe(false)
    expect(toggledForMinutes(EMPTY_BOX)).toEqual({ ...EMPTY_BOX, forMinutes: true })
    expect(toggledForMinutes(toggledForMinutes(EMPTY_BOX))).toEqual(EMPTY_BOX)
    expect(toggledStar(toggledForMinutes(EMPTY_BOX))).toMatchObject({ starred: true, forMinutes: true })
    const draft = { sessionId: 's', speakerId: 'a', turnId: 't', text: '半句', tags: ['建议'], starred: true, forMinutes: true, updatedAt: 1 }
    expect(boxFromDraft(draft)).toEqual({ text: '半句', tags: ['建议'], starred: true, forMinutes: true, speakerId: 'a', turnId: 't' })
  })
})

describe('keys in the remark box', () => {
  const TAGS = ['建议', '问题']
  const press = (key: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'isComposing', boolean>> = {}) =>
    boxKey({ key, shiftKey: false, ctrlKey: false, metaKey: false, isComposing: false, ...mods }, TAGS)

  it('Enter saves, Esc leaves, Ctrl+1… toggles the quick tags, Ctrl+K the star and Ctrl+B 入纪要', () => {
    expect([
      press('Enter'),
      press('Escape'),
      press('1', { ctrlKey: true }),
      press('2', { metaKey: true }),
      press('K', { ctrlKey: true }),
      press('b', { ctrlKey: true }),
      // Caps Lock on, and ⌘ on a Mac.
      press('B', { ctrlKey: true }),
      press('b', { metaKey: true })
    ]).toEqual([
      { type: 'save' },
      { type: 'leave' },
      { type: 'tag', tag: '建议' },
      { type: 'tag', tag: '问题' },
      { type: 'star' },
      { type: 'forMinutes' },
      { type: 'forMinutes' },
      { type: 'forMinutes' }
    ])
  })

  it('shows the keys it reads, and 入纪要 has a key of its own: not the star’s, the rebind key, a menu’s (Ctrl+M minimises) or a console letter’s', () => {
    expect(MARK_KEYS).toEqual({ star: { key: 'k', shown: 'Ctrl K' }, forMinutes: { key: 'b', shown: 'Ctrl B' } })
    expect(press('m', { ctrlKey: true })).toBeNull()
    expect(['k', 'j', 'z', 'm', 's', 'd', 'n', 'h', 'e', 'a', 'p', 'f']).not.toContain(MARK_KEYS.forMinutes.key)
  })

  it('leaves Shift+Enter, an input method composing, typing and keys without a tag to the box', () => {
    expect([
      press('Enter', { shiftKey: true }),
      press('Enter', { isComposing: true }),
      press('Escape', { isComposing: true }),
      press('1'),
      press('k'),
      press('b'),
      press('3', { ctrlKey: true }),
      press('0', { ctrlKey: true })
    ]).toEqual([null, null, null, null, null, null, null, null])
  })
})
