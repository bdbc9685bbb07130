import { afterEach, describe, expect, it } from 'vitest'
import { compareNames } from '../../../src/shared/people'
import { runCleanups, testCore, valueOf } from '../../helpers'

afterEach(runCleanups)

describe('names sort by pinyin everywhere', () => {
  it('in the shared order: 李 (lǐ) < 任 (rèn) < 王 (wáng), not by code point (任 < 李 < 王)', () => {
    expect(['王晓雪', '任肖彤', '李芳'].sort(compareNames)).toEqual(['李芳', '任肖彤', '王晓雪'])
  })

  it('in search, before the limit is applied', async () => {
    const core = testCore()
    for (const name of ['王晓雪', '任肖彤', '李芳']) valueOf(await core.invoke('people:create', { name, village: '郑家村' }))
    const hits = valueOf(await core.invoke('search:query', { text: '郑家村', limit: 2 }))
    expect(hits.filter((hit) => hit.kind === 'person').map((hit) => hit.title)).toEqual(['李芳', '任肖彤'])
  })
})
