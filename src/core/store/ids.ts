import { randomBytes } from 'node:crypto'

let lastMs = 0
let counter = 0

/**
 * UUIDv7 (RFC 9562): 48-bit ms timestamp, then random bits. Ids sort by creation time, and sessions
 * recorded on several laptops merge without collisions. A 12-bit counter keeps ids made in the same
 * millisecond in order; when it runs out (or the clock steps back a little) the timestamp moves on by one
 * (RFC 9562 §6.2). A jump back of more than a few seconds is taken as meant (a clock reset, an explicit time).
 */
export function uuidv7(now: number = Date.now()): string {
  if (now > lastMs || now < lastMs - 5_000) {
    lastMs = now
    counter = randomBytes(2).readUInt16BE(0) & 0x7ff
  } else if (counter < 0xfff) {
    counter++
  } else {
    lastMs++
    counter = 0
  }
  now = lastMs
  const bytes = randomBytes(16)
  bytes.writeUIntBE(now, 0, 6)
  bytes[6] = 0x70 | (counter >> 8)
  bytes[7] = counter & 0xff
  bytes[8] = 0x80 | (bytes[8]! & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
