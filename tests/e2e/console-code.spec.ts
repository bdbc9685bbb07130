import { expect, test } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// What the live console loads to be drawn, read from the build the e2e suite runs (global-setup builds it): the
// app's first files and the files the console is drawn through (场次's routes, the console's chunk), followed import
// by import (not import(): what is fetched later). Its dropdowns (记录给, 从这个座位开始传话筒, ⋯, 改为) are chunks fetched once it is drawn
// (common/DeferredSelect.tsx, shell/MoreMenu.tsx); floating-ui and Mantine's Combobox stay out of its first load
// (issue 16: the console's time to interactive). Checked by what the files hold, whatever the chunks are named.

const RENDERER = 'out/renderer'
const ASSETS = join(RENDERER, 'assets')
const STATIC_IMPORT = /(?:from|import)\s*"\.\/([\w.-]+\.js)"/g

/** `names` and every file they import, directly or not. */
function staticClosure(names: string[]): Set<string> {
  const found = new Set<string>()
  const queue = [...names]
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (found.has(name)) continue
    found.add(name)
    for (const [, imported] of readFileSync(join(ASSETS, name), 'utf8').matchAll(STATIC_IMPORT)) queue.push(imported!)
  }
  return found
}

const CODE_OF = {
  'floating-ui': 'data-floating-ui-focusable',
  "Mantine's Combobox": '`Combobox`'
}

test("the console's first load holds none of its dropdowns' code", () => {
  const files = readdirSync(ASSETS)
  const chunk = (page: string): string => {
    const name = files.find((file) => new RegExp(`^${page}-[\\w-]+\\.js$`).test(file))
    expect(name, `${page} is a chunk of its own`).toBeDefined()
    return name!
  }
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8')
  const first = [...html.matchAll(/(?:src|href)="\.\/assets\/([\w.-]+\.js)"/g)].map(([, name]) => name!)
  expect(first.length).toBeGreaterThan(0)
  const start = [...first, chunk('SessionsRoutes'), chunk('LiveConsolePage')]
  const loaded = staticClosure(start)
  // The imports were found (the console's chunk imports the remark list's, at least): else nothing was checked.
  expect(loaded.size).toBeGreaterThan(new Set(start).size)

  const code = new Map(files.filter((name) => name.endsWith('.js')).map((name) => [name, readFileSync(join(ASSETS, name), 'utf8')]))
  for (const [library, marker] of Object.entries(CODE_OF)) {
    // The marker does find the library in the build (else this test could not fail).
    expect([...code.values()].some((text) => text.includes(marker)), library).toBe(true)
    const holding = [...loaded].filter((name) => code.get(name)!.includes(marker))
    expect(holding, `${library} in the console's first load`).toEqual([])
  }
})
