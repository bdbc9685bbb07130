import { describe, expect, it } from 'vitest'
import { ModuleGraph, type GraphContext } from '../../../vite.console-chunks'

// The graph behind the console's chunks (vite.console-chunks.ts), on a small build of made-up modules: pages, a
// package whose index imports all its components (as Mantine's and Tabler's do), and our own helpers.
interface Module {
  code: string | null
  imports?: string[]
  dynamic?: string[]
  exports?: string[]
}

const LIB = '/node_modules/lib/index.mjs'
const ICONS = '/node_modules/icons/index.mjs'
const MODULES: Record<string, Module> = {
  '/app/console.tsx': {
    code: 'import { Textarea, Badge as Tag } from "lib";\nimport { helper } from "./helper";\nexport const Console = () => [Textarea, Tag, helper];',
    imports: [LIB, '/app/helper.ts']
  },
  '/app/people.tsx': {
    code: 'import { TextInput, Badge } from "lib";\nimport { IconUser } from "icons";\nexport const People = () => [TextInput, Badge, IconUser];',
    imports: [LIB, ICONS]
  },
  '/app/helper.ts': { code: 'export const helper = () => import("./dialog");', dynamic: ['/app/dialog.tsx'] },
  '/app/dialog.tsx': { code: 'import { Modal } from "lib";\nexport const Dialog = Modal;', imports: [LIB] },
  [LIB]: {
    code: [
      'import { Textarea } from "./Textarea.mjs";',
      'import { TextInput } from "./TextInput.mjs";',
      'import { Badge } from "./Badge.mjs";',
      'import { Modal } from "./Modal.mjs";',
      'export { Textarea, TextInput, Badge, Modal };'
    ].join('\n'),
    imports: ['/node_modules/lib/Textarea.mjs', '/node_modules/lib/TextInput.mjs', '/node_modules/lib/Badge.mjs', '/node_modules/lib/Modal.mjs']
  },
  '/node_modules/lib/Textarea.mjs': { code: 'import { InputBase } from "./InputBase.mjs";\nexport const Textarea = InputBase;', imports: ['/node_modules/lib/InputBase.mjs'] },
  '/node_modules/lib/TextInput.mjs': { code: 'import { InputBase } from "./InputBase.mjs";\nexport const TextInput = InputBase;', imports: ['/node_modules/lib/InputBase.mjs'] },
  '/node_modules/lib/InputBase.mjs': { code: 'export const InputBase = 1;' },
  '/node_modules/lib/Badge.mjs': { code: 'export const Badge = 2;' },
  '/node_modules/lib/Modal.mjs': { code: 'export const Modal = 3;' },
  [ICONS]: {
    code: 'export { default as IconUser } from "./IconUser.mjs";\nexport * from "./more.mjs";',
    imports: ['/node_modules/icons/IconUser.mjs', '/node_modules/icons/more.mjs']
  },
  '/node_modules/icons/IconUser.mjs': { code: 'export default 4;' },
  '/node_modules/icons/more.mjs': { code: 'export const IconStar = 5;', exports: ['IconStar'] }
}

function context(modules: Record<string, Module>): GraphContext {
  const bare: Record<string, string> = { lib: LIB, icons: ICONS }
  return {
    getModuleIds: () => Object.keys(modules)[Symbol.iterator](),
    getModuleInfo: (id: string) => {
      const module = modules[id]
      if (!module) return null
      return { id, code: module.code, importedIds: module.imports ?? [], dynamicallyImportedIds: module.dynamic ?? [], exports: module.exports } as never
    },
    resolve: async (source: string) => (bare[source] ? ({ id: bare[source] } as never) : null)
  } as GraphContext
}

const short = (ids: Set<string>): string[] => [...ids].map((id) => id.replace(/^.*\//, '')).sort()

describe("the modules a page needs (the console's chunks)", () => {
  it("follows a package's index by the names imported from it, not to every component it holds", async () => {
    const graph = new ModuleGraph(context(MODULES))
    expect(short(await graph.needs(['/app/console.tsx'], false))).toEqual(['Badge.mjs', 'InputBase.mjs', 'Textarea.mjs', 'console.tsx', 'helper.ts', 'index.mjs'])
    expect(short(await graph.needs(['/app/people.tsx'], false))).toEqual(['Badge.mjs', 'IconUser.mjs', 'InputBase.mjs', 'TextInput.mjs', 'index.mjs', 'index.mjs', 'people.tsx'])
  })

  it("follows what is loaded later (import()) only when asked to", async () => {
    const graph = new ModuleGraph(context(MODULES))
    expect(short(await graph.needs(['/app/console.tsx'], true))).toEqual(['Badge.mjs', 'InputBase.mjs', 'Modal.mjs', 'Textarea.mjs', 'console.tsx', 'dialog.tsx', 'helper.ts', 'index.mjs'])
  })

  it("looks for a name through an index's export * only in the modules that export it", async () => {
    const modules: Record<string, Module> = {
      ...MODULES,
      '/app/star.tsx': { code: 'import { IconStar } from "icons";\nexport const Star = IconStar;', imports: [ICONS] }
    }
    expect(short(await new ModuleGraph(context(modules)).needs(['/app/star.tsx'], false))).toEqual(['index.mjs', 'more.mjs', 'star.tsx'])
  })

  it('takes all the imports of a module it cannot read, or whose import it cannot resolve', async () => {
    const modules: Record<string, Module> = {
      ...MODULES,
      '/app/unreadable.tsx': { code: 'import { Badge } from "lib"; this is not JavaScript', imports: [LIB] },
      '/app/unresolved.tsx': { code: 'import { Badge } from "elsewhere";', imports: [LIB] }
    }
    const graph = new ModuleGraph(context(modules))
    for (const page of ['/app/unreadable.tsx', '/app/unresolved.tsx']) {
      // The whole index, and so every component in it: more than needed, never less.
      expect(short(await graph.needs([page], false))).toEqual(['Badge.mjs', 'InputBase.mjs', 'Modal.mjs', 'TextInput.mjs', 'Textarea.mjs', 'index.mjs', page.replace('/app/', '')])
    }
  })
})
