import { dirname, resolve } from 'node:path'
import { parseAst, type Plugin, type Rolldown } from 'vite'

/**
 * The live console's code in two chunks instead of the automatic split's seven (and four CSS files): through the
 * web bridge each file is a request queued on the browser's six connections, beside the console's reads and
 * the events' stream (issue 16: the console's time to interactive; ~20 ms sooner by paired loads).
 *
 * - `console`: what the console's first draw needs that no page outside a session's own needs (a session's
 *   planner and page, its check-in and dialogs share it: they open from the console, or it from them);
 * - `console-shared`: what it needs that pages elsewhere need too (text boxes, badges, the 更多 menu), so that
 *   those pages never load the console's code for it.
 *
 * What the app's first files hold is theirs whatever these say (the `app` group, of a higher priority).
 *
 * "Needs" follows named imports through a package's index (Mantine's, Tabler's): an index imports every
 * component, and following all its imports would make every page need all of them. The sets are made once the
 * build has read every module (buildEnd), before the chunks are made; the groups' tests read them then.
 */
export function consoleChunks(): { plugin: Plugin; groups: Rolldown.CodeSplittingGroup[] } {
  const own = new Set<string>()
  const shared = new Set<string>()
  const plugin: Plugin = {
    name: 'roundtable-console-chunks',
    apply: 'build',
    async buildEnd(error) {
      if (error) return
      own.clear()
      shared.clear()
      const graph = new ModuleGraph(this)
      const pages = graph.dynamicImportsOf(PAGES_MODULE)
      const consolePage = pages.find((id) => CONSOLE_PAGE.test(id))
      if (!consolePage) throw new Error('vite.console-chunks.ts: shell/pages.ts no longer loads features/live/LiveConsolePage.tsx')
      const consoleNeeds = await graph.needs([consolePage], false)
      const elsewhereNeeds = await graph.needs(
        pages.filter((id) => !SESSION_PAGES.test(id)),
        true
      )
      for (const id of consoleNeeds) (elsewhereNeeds.has(id) ? shared : own).add(id)
    }
  }
  const groups: Rolldown.CodeSplittingGroup[] = [
    { name: 'console', test: (id) => own.has(id), priority: 10, includeDependenciesRecursively: false },
    { name: 'console-shared', test: (id) => shared.has(id), priority: 10, includeDependenciesRecursively: false }
  ]
  return { plugin, groups }
}

/** shell/pages.ts: the module that loads every page (its dynamic imports). */
const PAGES_MODULE = /[\\/]src[\\/]renderer[\\/]src[\\/]shell[\\/]pages\.ts$/
const CONSOLE_PAGE = /[\\/]features[\\/]live[\\/]LiveConsolePage\.tsx$/
/**
 * What pages.ts loads that may share the console's chunk: the console's own parts (its 签到 tab). A session's planner
 * and page, which share it too, are loaded by 场次's routes (in the shell), not by pages.ts.
 */
const SESSION_PAGES = /[\\/]features[\\/]live[\\/]/

/** The part of the plugin context the graph reads (a fake one in the unit test). */
export type GraphContext = Pick<Rolldown.PluginContext, 'getModuleIds' | 'getModuleInfo' | 'resolve'>

/** One `import`/`export … from` of a module: where from, and which names (`*`: all of them, a namespace or `export *`). */
interface Link {
  target: string
  names: readonly string[] | '*'
}

/** A module's links; for an index (it only passes on what others export), where each name it exports comes from. */
interface Shape {
  links: Link[]
  /** Only for an index: exported name → the module and name it comes from. */
  passes?: Map<string, { target: string; name: string | '*' }>
  /** Only for an index: the modules of its `export * from`. */
  passesAll?: string[]
}

const ALL = '*'
/** What a relative import may leave out (the quick way; anything else is resolved as the build does). */
const EXTENSIONS = ['.mjs', '.js', '.ts', '.tsx', '.jsx', '.css']

export class ModuleGraph {
  private readonly shapes = new Map<string, Promise<Shape>>()

  constructor(private readonly context: GraphContext) {}

  /** The dynamic imports of the module whose id matches `pattern`. */
  dynamicImportsOf(pattern: RegExp): string[] {
    const id = [...this.context.getModuleIds()].find((candidate) => pattern.test(candidate))
    return [...((id && this.context.getModuleInfo(id)?.dynamicallyImportedIds) || [])]
  }

  /**
   * Every module that `starts` need: what they import, and what that imports in turn, by name through an index;
   * with `withDynamic`, what they load later (import()) too.
   */
  async needs(starts: readonly string[], withDynamic: boolean): Promise<Set<string>> {
    const needed = new Set<string>()
    const asked = new Set<string>() // `${index} ${name}`, for an index's names already followed
    const queue: Link[] = starts.map((target) => ({ target, names: ALL }))
    for (let link = queue.pop(); link !== undefined; link = queue.pop()) {
      const shape = await this.shapeOf(link.target)
      if (shape.passes) {
        // An index: only where the names asked for come from.
        const names = link.names === ALL ? [...shape.passes.keys(), ...(shape.passesAll?.length ? [ALL] : [])] : link.names
        for (const name of names) {
          const key = `${link.target} ${name}`
          if (asked.has(key)) continue
          asked.add(key)
          needed.add(link.target)
          const from = name === ALL ? undefined : shape.passes.get(name)
          if (from) queue.push({ target: from.target, names: from.name === ALL ? ALL : [from.name] })
          else for (const target of shape.passesAll ?? []) if (name === ALL || this.exports(target, name)) queue.push({ target, names: name === ALL ? ALL : [name] })
        }
        continue
      }
      if (needed.has(link.target)) continue
      needed.add(link.target)
      queue.push(...shape.links)
      if (withDynamic) for (const target of this.context.getModuleInfo(link.target)?.dynamicallyImportedIds ?? []) queue.push({ target, names: ALL })
    }
    return needed
  }

  /** Whether `id` exports `name` (an index passing it on counts). */
  private exports(id: string, name: string): boolean {
    const exported = this.context.getModuleInfo(id)?.exports
    return !exported || exported.includes(name)
  }

  private shapeOf(id: string): Promise<Shape> {
    let shape = this.shapes.get(id)
    if (!shape) {
      shape = this.readShape(id)
      this.shapes.set(id, shape)
    }
    return shape
  }

  /** What `id` imports, by name where its code says so; all its imports, whole, where it cannot be read. */
  private async readShape(id: string): Promise<Shape> {
    const info = this.context.getModuleInfo(id)
    if (!info) return { links: [] }
    const whole: Shape = { links: info.importedIds.map((target) => ({ target, names: ALL })) }
    if (info.code === null || id.startsWith('\0')) return whole
    let program: ReturnType<typeof parseAst>
    try {
      program = parseAst(info.code)
    } catch {
      return whole
    }
    const importedIds = new Set(info.importedIds)
    const links: Link[] = []
    const imported = new Map<string, { target: string; name: string | '*' }>() // local binding → where from
    const passes = new Map<string, { target: string; name: string | '*' }>()
    const passesAll: string[] = []
    let onlyPasses = true
    for (const node of program.body) {
      if (node.type === 'ImportDeclaration') {
        const target = await this.resolveIn(id, node.source.value, importedIds)
        if (target === null) return whole
        const names = node.specifiers.map((specifier) =>
          specifier.type === 'ImportSpecifier' ? nameOf(specifier.imported) : specifier.type === 'ImportDefaultSpecifier' ? 'default' : ALL
        )
        node.specifiers.forEach((specifier, index) => imported.set(specifier.local.name, { target, name: names[index]! }))
        links.push({ target, names: names.includes(ALL) ? ALL : names })
      } else if (node.type === 'ExportNamedDeclaration' && node.source) {
        const target = await this.resolveIn(id, node.source.value, importedIds)
        if (target === null) return whole
        const names = node.specifiers.map((specifier) => nameOf(specifier.local))
        node.specifiers.forEach((specifier, index) => passes.set(nameOf(specifier.exported), { target, name: names[index]! }))
        links.push({ target, names })
      } else if (node.type === 'ExportAllDeclaration') {
        const target = await this.resolveIn(id, node.source.value, importedIds)
        if (target === null) return whole
        if (node.exported) passes.set(nameOf(node.exported), { target, name: ALL })
        else passesAll.push(target)
        links.push({ target, names: ALL })
      } else if (node.type === 'ExportNamedDeclaration' && !node.declaration) {
        // `export { a as b }` of what was imported: an index's way of passing names on.
        for (const specifier of node.specifiers) {
          const from = imported.get(nameOf(specifier.local))
          if (!from) onlyPasses = false
          else passes.set(nameOf(specifier.exported), from)
        }
      } else onlyPasses = false
    }
    // An index: a module of imports and exports only, in a package (our own modules are read whole).
    return onlyPasses && id.includes('node_modules') && passes.size + passesAll.length > 0 ? { links, passes, passesAll } : { links }
  }

  /** The id `source` names from `importer`: among its imports (a relative path, quickly), else as the build resolves it. */
  private async resolveIn(importer: string, source: string, importedIds: ReadonlySet<string>): Promise<string | null> {
    if (source.startsWith('.')) {
      const path = resolve(dirname(importer), source)
      const found = ['', ...EXTENSIONS].map((extension) => path + extension).find((id) => importedIds.has(id))
      if (found) return found
    }
    const resolved = await this.context.resolve(source, importer)
    return resolved && importedIds.has(resolved.id) ? resolved.id : null
  }
}

/** An import's or export's name: an identifier, or a string (`export { x as "a-b" }`). */
function nameOf(node: { type: string; name?: string; value?: unknown }): string {
  return node.type === 'Identifier' ? node.name! : String(node.value)
}
