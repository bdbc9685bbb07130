import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { build } from 'vite'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The roster worker built from src (core/people/roster-worker.ts), for cores that read rosters in a worker. */
    rosterWorkerFile: string
  }
}

/**
 * Worker threads run plain JavaScript, so the roster worker is built once per run, the way the app builds
 * it (Vite, dependencies left to node_modules). The output sits inside the checkout so that node_modules resolves.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = join(import.meta.dirname, '..')
  // A folder per run: two runs at once (a soak beside npm test) must not rebuild each other's worker away.
  const cache = join(root, 'node_modules/.cache/roundtable-tests')
  mkdirSync(cache, { recursive: true })
  const outDir = mkdtempSync(join(cache, 'run-'))
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: join(root, 'src/core/people/roster-worker.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'roster-worker.mjs' } }
    }
  })
  project.provide('rosterWorkerFile', join(outDir, 'roster-worker.mjs'))
  return () => rmSync(outDir, { recursive: true, force: true })
}
