import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createCore } from '../core/core'
import { rosterReaderInWorker } from '../core/people/roster-reader'
import { DatabaseOpenError, DatabaseTooNewError } from '../core/errors'
import { defaultDatabaseFile } from '../core/store/paths'
import { createBridge, type BridgeOptions } from './bridge'

const here = dirname(fileURLToPath(import.meta.url))
const HOST = '127.0.0.1'

/** `node out/main/server.js [--db file] [--port n] [--dev]`: the web bridge for browsers on this machine. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '5180' },
      dev: { type: 'boolean', default: false },
      // Start without the 示例场次 (for tests that need an empty database).
      'no-demo': { type: 'boolean', default: false }
    }
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) return exit(`--port must be a number from 0 to 65535, not ${values.port}`)
  const databaseFile = resolve(values.db ?? defaultDatabaseFile())

  let core
  try {
    core = createCore({
      databaseFile,
      appVersion: __APP_VERSION__,
      seedDemo: !values['no-demo'],
      createFolder: values.db === undefined,
      // Built beside this file (electron.vite.config.ts): roster files are parsed off the thread that serves.
      readRoster: rosterReaderInWorker(join(here, 'roster-worker.js'))
    })
  } catch (error) {
    // A sentence a person can act on, in Chinese and English; never a stack trace. The file is untouched.
    if (error instanceof DatabaseTooNewError || error instanceof DatabaseOpenError) return exit(error.message)
    return exit(`${new DatabaseOpenError('cannot_open', databaseFile).message}\n(${error instanceof Error ? error.message : String(error)})`)
  }

  const token = randomBytes(24).toString('base64url')
  const staticDir = join(here, '../renderer')
  let server: Server
  if (values.dev) {
    const options: BridgeOptions = { core, token }
    server = createBridge(options)
    // Read per request, so the middleware can be added once Vite has attached its HMR socket to our server.
    options.devMiddleware = (await startViteMiddleware(server)).middlewares
  } else {
    if (!existsSync(join(staticDir, 'index.html'))) return exit(`The renderer is not built (${staticDir}); run npm run build first.`)
    server = createBridge({ core, token, staticDir })
  }

  server.listen(port, HOST, () => {
    const actual = (server.address() as AddressInfo).port
    console.log(`圆桌派 web bridge — database ${databaseFile}`)
    console.log(`Open / 打开: http://${HOST}:${actual}/?token=${token}`)
  })
  const stop = (): void => {
    server.close()
    core.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

interface ViteDevServer {
  middlewares: NonNullable<BridgeOptions['devMiddleware']>
  close(): Promise<void>
}

/** Vite in middleware mode, so the dev page and the API share one origin and one token. */
async function startViteMiddleware(server: Server): Promise<ViteDevServer> {
  const viteModule = 'vite'
  const configModule = resolve(here, '../../vite.renderer.config.ts')
  const { createServer } = (await import(/* @vite-ignore */ viteModule)) as {
    createServer: (config: object) => Promise<ViteDevServer>
  }
  return createServer({
    configFile: configModule,
    server: { middlewareMode: true, hmr: { server } },
    appType: 'spa'
  })
}

function exit(message: string): void {
  console.error(message)
  process.exit(2)
}

void main()
