import { expect, it } from 'vitest'
import { move } from '../../../src/renderer/src/features/sessions/plan-form'
it('x', () => { expect(move([1, 2], 0, 1)).toEqual([2, 1]) })
