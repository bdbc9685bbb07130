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

/** The app's first files (index.html's scripts and preloads). */
function firstFiles(): string[] {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8')
  return [...html.matchAll(/(?:src|href)="\.\/assets\/([\w.-]+\.js)"/g)].map(([, name]) => name!)
}

/** Every built file's code, by name. */
const builtCode = (): Map<string, string> =>
  new Map(
    readdirSync(ASSETS)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [name, readFileSync(join(ASSETS, name), 'utf8')])
  )

/**
 * The file a page's import() loads, found by the export it takes (`import(…).then((m) => m.LiveConsolePage)`), whatever
 * it is named. A module in a chunk of modules the build groups (vite.console-chunks.ts) is started first: `.then((m) => (m.n(), m.t))`.
 */
function pageFile(code: Map<string, string>, page: string): string {
  const loads = new RegExp(`import\\(\`\\./([\\w.-]+\\.js)\`\\)(?:\\.then\\(\\w+=>\\(\\w+\\.\\w+\\(\\),\\w+\\.\\w+\\)\\))?\\.then\\(\\(?(\\w+)\\)?=>\\2\\.${page}\\)`)
  const found = [...code.values()].map((text) => loads.exec(text)?.[1]).find(Boolean)
  expect(found, `the import() of ${page}`).toBeDefined()
  return found!
}

test("the console's first load holds none of its dropdowns' code", () => {
  const code = builtCode()
  const first = firstFiles()
  expect(first.length).toBeGreaterThan(0)
  const start = [...first, pageFile(code, 'LiveConsolePage')]
  const loaded = staticClosure(start)
  // The imports were found (the console's chunk imports the chunk it shares with other pages, at least): else nothing was checked.
  expect(loaded.size).toBeGreaterThan(new Set(start).size)

  for (const [library, marker] of Object.entries(CODE_OF)) {
    // The marker does find the library in the build (else this test could not fail).
    expect([...code.values()].some((text) => text.includes(marker)), library).toBe(true)
    const holding = [...loaded].filter((name) => code.get(name)!.includes(marker))
    expect(holding, `${library} in the console's first load`).toEqual([])
  }
})

// The console's code comes in few files (vite.console-chunks.ts): through the web bridge each file is a request
// queued on the browser's six connections (issue 16). And no page outside 场次 loads the console's own chunk for
// the code it shares with it (text boxes, badges, the 更多 menu are a chunk of their own).
test("the console's code is two files beyond the first ones (场次's routes are in them), and no page elsewhere loads the console's chunk", () => {
  const code = builtCode()
  const first = staticClosure(firstFiles())
  const consoleFile = pageFile(code, 'LiveConsolePage')
  const own = [...staticClosure([consoleFile])].filter((name) => !first.has(name))
  expect(own.length, own.join(', ')).toBeLessThanOrEqual(2)
  // 场次's routes, in the first files: they load the session page's chunk.
  expect([...first].some((name) => /import\(`\.\/SessionDetailPage-[\w-]+\.js`\)/.test(code.get(name)!))).toBe(true)
  for (const page of ['SessionsPage', 'FollowUpsPage', 'StatisticsPage', 'PeoplePage', 'ThemesPage', 'SearchPage', 'SettingsPage']) {
    const loaded = staticClosure([pageFile(code, page)])
    expect(loaded.has(consoleFile), `${page} loads the console's chunk`).toBe(false)
  }
})
