import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/** The layering rules of DESIGN.md §3 must bite: each forbidden import is reported, each allowed one is not. */
const eslint = new ESLint({ cwd: process.cwd() })

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('import layering', () => {
  it.each([
    ['src/renderer/src/features/x/X.ts', "import { createCore } from '../../../../core/core'"],
    ['src/renderer/src/features/x/X.ts', "import { registerIpc } from '../../../../main/ipc'"],
    ['src/renderer/src/X.ts', "import Database from 'better-sqlite3'"],
    ['src/renderer/src/X.ts', "import { ipcRenderer } from 'electron'"],
    ['src/renderer/src/X.ts', "import { readFileSync } from 'node:fs'"],
    ['src/core/people/x.ts', "import { app } from 'electron'"],
    ['src/core/people/x.ts', "import { registerIpc } from '../../main/ipc'"],
    ['src/shared/x.ts', "import { app } from 'electron'"],
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs'"],
    ['src/shared/x.ts', "import { createCore } from '../core/core'"],
    ['src/server/x.ts', "import { app } from 'electron'"]
  ])('%s may not `%s`', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = 1\n`)).toHaveLength(1)
  })

  it.each([
    ['src/renderer/src/X.ts', "import { Button } from '@mantine/core'"],
    ['src/renderer/src/X.ts', "import type { Settings } from '@shared/domain'"],
    ['src/core/x.ts', "import { contract } from '../shared/contract'"],
    ['src/main/x.ts', "import { createCore } from '../core/core'"],
    ['src/server/x.ts', "import { createCore } from '../core/core'"]
  ])('%s may `%s`', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport const used = 1\n`)).toEqual([])
  })
})
