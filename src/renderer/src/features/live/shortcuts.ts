/** The console's keys, shown on screen beside each button. None fires while typing in a text field. */
export const KEYS = {
  pass: ['Space', '→'],
  skip: ['S'],
  defer: ['D'],
  decline: ['N'],
  raiseHand: ['H'],
  speakAgain: ['E'],
  applause: ['A'],
  pause: ['P'],
  undo: ['Ctrl', 'Z'],
  free: ['F'],
  /** 议定事项: a small form over the console (Y for 议). Not a remark-box key: those all take Ctrl (remark-box.ts). */
  decision: ['Y'],
  nextPhase: ['PgDn'],
  previousPhase: ['PgUp']
} as const

export type Command = keyof typeof KEYS

/** The command a key press means, or null. */
export function commandFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): Command | null {
  if (event.altKey) return null
  if (event.ctrlKey || event.metaKey) return event.key.toLowerCase() === 'z' && !event.shiftKey ? 'undo' : null
  switch (event.key) {
    case ' ':
    case 'ArrowRight':
      return 'pass'
    case 'PageDown':
      return 'nextPhase'
    case 'PageUp':
      return 'previousPhase'
  }
  const letter: Record<string, Command> = { s: 'skip', d: 'defer', n: 'decline', h: 'raiseHand', e: 'speakAgain', a: 'applause', p: 'pause', f: 'free', y: 'decision' }
  return letter[event.key.toLowerCase()] ?? null
}
