// The benches talk to the app as the UI does: through the web bridge (out/main/server.js) on a temp database.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

/** The build the benches run: out/, or the copy run.mjs made of it (BENCH_OUT), which others' rebuilds leave alone. */
export const OUT_DIR = process.env.BENCH_OUT ?? 'out'

/**
 * Chromium's flags for the benches, as for the e2e specs (tests/e2e/mode.ts). Headless Chromium (156) loads its
 * address bar's pop-up, a web page of its own, in a renderer of its own for every new window, that is for every
 * load of a bench in a fresh context: ~750 ms of CPU beside the page being timed on a 2-core machine (the blank
 * page took 145 ms with it, 105 without). The app's window has no address bar; the last flag turns it off.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'
]
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
