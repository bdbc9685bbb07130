import Papa from 'papaparse'
import { afterEach, describe, expect, it } from 'vitest'
import { exportedBytes, runCleanups, valueOf } from '../../helpers'
import { LiveRig } from '../live/rig'

afterEach(runCleanups)

describe('the turns as CSV', () => {
  it('escapes a name that a spreadsheet would run as a formula (OWASP CSV injection), and keeps the others as typed', async () => {
    const rig = await LiveRig.open({
      participants: [
        { name: '=HYPERLINK("http://example.invalid","点我")', seatNumber: 1 },
        { name: '@SUM(1+1)', seatNumber: 2 },
        { name: '温乐义', seatNumber: 3 }
      ]
    })
    valueOf(await rig.core.invoke('live:checkInEveryone', { sessionId: rig.sessionId }))
    valueOf(await rig.act({ type: 'phase', segmentId: rig.segments[2] }))
    valueOf(await rig.wait(1000).act({ type: 'round', startPersonId: rig.participants[0]! }))
    for (let i = 0; i < 3; i++) valueOf(await rig.wait(60_000).act({ type: 'pass' }))
    const file = valueOf(await rig.core.invoke('minutes:export', { sessionId: rig.sessionId, document: 'turns', format: 'csv' }))
    const csv = exportedBytes(file, 'download').toString('utf8')
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trim(), { newline: '\r\n' }).data
    expect(rows.slice(1).map((row) => row[0])).toEqual(['\'=HYPERLINK("http://example.invalid","点我")', "'@SUM(1+1)", '温乐义'])
  })
})
