// The benches talk to the app as the UI does: through the web bridge (out/main/server.js) on a temp database.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import chromiumArgs from '../chromium-args.json' with { type: 'json' }

/** The build the benches run: out/, or the copy run.mjs made of it (BENCH_OUT), which others' rebuilds leave alone. */
export const OUT_DIR = process.env.BENCH_OUT ?? 'out'

/** Chromium's flags, the e2e suite's too: scripts/chromium-args.json (tests/e2e/mode.ts says what they are for). */
export const CHROMIUM_ARGS = chromiumArgs
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Starts the bridge on `file`; resolves with its address, token, a `call(channel, input)` and the child. */
export function startBridge(file) {
  const child = spawn(process.execPath, [join(OUT_DIR, 'main/server.js'), '--db', file, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
  // A bench that crashes must not leave its bridge running (it would hold the caller's output open).
  process.once('exit', () => child.kill())
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=(\S+)/.exec(output)
      if (!match) return
      const [, origin, token] = match
      const call = async (channel, input) => {
        const response = await fetch(`${origin}/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input)
        })
        const result = await response.json()
        if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
        return result.value
      }
      resolve({ child, origin, token, call })
    })
    child.on('exit', () => reject(new Error('the web bridge did not start; run npm run build first')))
  })
}

export const percentile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]
