import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

/**
 * Temp files (every test archive, its backups, exports, LibreOffice's profiles) go to memory where the machine
 * has it (/dev/shm): the archives are real SQLite files all the same, but each commit's fsync no longer waits
 * for a disk, which made most of the integration suite's time (a file of 91 core tests: 12.4 s on disk,
 * 1.4 s in memory). A TMPDIR set by whoever runs the tests is kept.
 */
function memoryTempDir(): string | undefined {
  try {
    if (process.platform !== 'linux' || !statSync('/dev/shm').isDirectory()) return undefined
    accessSync('/dev/shm', constants.W_OK)
    return '/dev/shm'
  } catch {
    return undefined
  }
}
if (!process.env.TMPDIR) {
  const memory = memoryTempDir()
  if (memory) process.env.TMPDIR = memory
}

/**
 * Unit files that replace modules or globals (`vi.mock('electron')`, `vi.mock('react')`, `vi.stubGlobal`, …)
 * need a module graph of their own: tests/unit/main/** (Electron's main process, always faked) and any other
 * unit file that says so in its source. Every other unit file is pure and shares one graph per thread.
 */
const ISOLATED_UNIT = readdirSync(join(root, 'tests/unit'), { recursive: true, encoding: 'utf8' })
  .map((file) => `tests/unit/${file.split('\\').join('/')}`)
  .filter((file) => file.endsWith('.test.ts'))
  .filter(
    (file) =>
      file.startsWith('tests/unit/main/') ||
      /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|resetModules|useFakeTimers|spyOn)\b|process\.chdir/.test(readFileSync(join(root, file), 'utf8'))
  )

export default defineConfig({
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  test: {
    environment: 'node',
    // Property tests run thousands of sequences against real SQLite files; a busy 2-core CI needs the room.
    testTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: a single one on a 2-core machine, which left a core
    // idle (the main process only reports). Two at least: a 2-core machine runs two files at a time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // Pure unit files: one module graph per thread, no fresh process or module graph per file.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: ISOLATED_UNIT, pool: 'threads', isolate: false }
      },
      {
        extends: true,
        test: { name: 'unit-isolated', include: ISOLATED_UNIT, pool: 'forks' }
      },
      {
        extends: true,
        // Real SQLite files, servers, worker threads and LibreOffice: a process of their own per file.
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], pool: 'forks', globalSetup: ['tests/global-setup.ts'] }
      }
    ]
  }
})
