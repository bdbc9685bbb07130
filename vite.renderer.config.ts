import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import type { Plugin, UserConfig } from 'vite'
import { consoleChunks } from './vite.console-chunks'

/**
 * The page's CSP allows websockets to this machine only for Vite's hot reload in development; a built
 * renderer has no websocket, so the production page drops that allowance.
 */
const DEV_ONLY_CONNECT = / ws:\/\/127\.0\.0\.1:\* ws:\/\/localhost:\*/
export const productionCsp = (): Plugin => ({
  name: 'roundtable-production-csp',
  transformIndexHtml: {
    order: 'pre',
    handler: (html, context) => (context.server ? html : html.replace(DEV_ONLY_CONNECT, ''))
  }
})

/**
 * shell/early-start.ts is an entry of its own, its script put before the app's in index.html: it asks for
 * the first screen's data and code as soon as its few kilobytes are here, instead of after the app's
 * ~500 KB have loaded and been evaluated (issue 16: the console's time to interactive). The app imports
 * the same module (the browser runs it once). In development main.tsx still imports it first.
 */
const EARLY_ENTRY = 'early'
export const earlyStartScript = (): Plugin => ({
  name: 'roundtable-early-start-script',
  transformIndexHtml: {
    order: 'post',
    handler: (html, context) => {
      const chunk = Object.values(context.bundle ?? {}).find((output) => output.type === 'chunk' && output.isEntry && output.name === EARLY_ENTRY)
      if (!chunk) return html
      // Just before the app's own script (after the page's Content-Security-Policy): module scripts run in order.
      const appScript = /<script type="module" crossorigin src="[^"]*"><\/script>/
      if (!appScript.test(html)) throw new Error('index.html: the app script was not found for the early-start script to go before it')
      return html.replace(appScript, (tag) => `<script type="module" crossorigin src="./${chunk.fileName}"></script>\n    ${tag}`)
    }
  }
})

/**
 * `//# allFunctionsCalledOnLoad` heads each chunk (V8's explicit compile hints; Chrome 136, Electron 36 on):
 * V8 then compiles all of a file's functions on a background thread while the file streams in, instead of
 * each one on the main thread the first time it is called. The console's first draw calls most of what its
 * files hold, and that lazy compiling was ~100 ms of its main thread (issue 16: time to interactive; paired
 * loads measured ~45 ms sooner). recharts' chunk goes without: the 统计 page runs a small part of it.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'
export const compileHints = (): Plugin => ({
  name: 'roundtable-compile-hints',
  generateBundle: {
    // After Vite's own rewriting of the chunks (it puts its preload list at their top): the hint must be the first line.
    order: 'post',
    handler(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || output.name === 'recharts') continue
        output.code = COMPILE_HINT + output.code
        // A source map (when one is asked for: the bundle already holds its file) starts one line later.
        const map = output.sourcemapFileName ? bundle[output.sourcemapFileName] : undefined
        if (map?.type === 'asset') {
          const json = JSON.parse(String(map.source)) as { mappings: string }
          map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` })
        }
      }
    }
  }
})

/**
 * Mantine's useId (@mantine/hooks) draws with React's id, then swaps in a random one from a layout effect once
 * mounted: every component that has an id (the navigation's links, the tabs, the text boxes, the menus, the shell)
 * draws a second time right after the first draw, and its ids change in the page (issue 16: ~150 of the live
 * console's components drawn again; paired loads −8 ± 7.5 ms). React's ids are unique in the page and never change,
 * so the module is built without the swap: React's id with Mantine's prefix, which is Mantine's own first id. The
 * build stops if the module no longer looks like the one this replaces. In development Vite serves Mantine
 * pre-bundled, with its own useId: the ids differ, nothing else.
 */
const MANTINE_USE_ID = /[\\/]@mantine[\\/]hooks[\\/]esm[\\/]use-id[\\/]use-id\.mjs$/
export const STABLE_MANTINE_USE_ID = `import { useId as useReactId } from "react";
function useId(staticId) {
\tconst reactId = useReactId();
\treturn typeof staticId === "string" ? staticId : \`mantine-\${reactId.replace(/:/g, "")}\`;
}
export { useId };
`
export const stableMantineIds = (): Plugin => ({
  name: 'roundtable-stable-mantine-ids',
  apply: 'build',
  transform(code, id) {
    if (!MANTINE_USE_ID.test(id)) return null
    const expected = ['useState(`mantine-${reactId.replace(/:/g, "")}`)', 'setUuid(randomId())', 'if (typeof staticId === "string") return staticId;']
    const missing = expected.filter((part) => !code.includes(part))
    if (missing.length > 0) this.error(`@mantine/hooks' use-id.mjs has changed (no ${missing.join(', ')}): see stableMantineIds in vite.renderer.config.ts`)
    return { code: STABLE_MANTINE_USE_ID, map: null }
  }
})

/**
 * recharts and what only it uses (its dependencies and theirs; react-is; use-sync-external-store), for the
 * chunk of its own below.
 */
const RECHARTS =
  /[\\/]node_modules[\\/](recharts|victory-vendor|d3-[\w-]+|internmap|@reduxjs[\\/]toolkit|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|@standard-schema[\\/][\w-]+|react-is|use-sync-external-store)[\\/.]/

/**
 * floating-ui (~50 KB minified; Mantine's Popover, Select, Menu and Tooltip place their dropdowns with it) and
 * Mantine's ScrollArea, the one component without a dropdown that imports it, for the chunk of their own below.
 * Left to the automatic split they shared a chunk with Input, which every form draws, and the live console, whose
 * dropdowns are all chunks fetched later (common/DeferredSelect.tsx, shell/MoreMenu.tsx), loaded them for
 * nothing (issue 16: its time to interactive).
 */
const FLOATING_UI = /[\\/]node_modules[\\/](@floating-ui[\\/]|@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]ScrollArea\.mjs)/

/**
 * early-start.ts and what it imports: the early entry's own chunk, not one of the chunks it shares with the app, so
 * that its few kilobytes run while the app's still compile.
 */
const EARLY_START = /[\\/]src[\\/]renderer[\\/]src[\\/]shell[\\/]early-start\.ts$/

const CONSOLE_CHUNKS = consoleChunks()

/** The renderer's Vite config: used by electron-vite and by the web bridge's dev mode alike. */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react(), stableMantineIds(), productionCsp(), earlyStartScript(), compileHints(), CONSOLE_CHUNKS.plugin],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite builds the renderer unminified by default (minify: false); the renderer ships minified.
    minify: true,
    // One CSS file for the whole app, loaded with it, instead of one more for each page's chunk (the live console's
    // two): each file is a request beside the page's reads, and ~4 ms of the browser's time (issue 16). It is the
    // app's ~290 KB and the pages' ~25 KB more.
    cssCodeSplit: false,
    rolldownOptions: {
      // The entries' exports are for the app itself (main.tsx imports early-start's), so rolldown may reshape
      // them: the common-chunk inlining below requires it.
      preserveEntrySignatures: false,
      input: { index: resolve(import.meta.dirname, 'src/renderer/index.html'), [EARLY_ENTRY]: resolve(import.meta.dirname, 'src/renderer/src/shell/early-start.ts') },
      output: {
        // recharts and the libraries only it uses (~470 KB minified) make one chunk, loaded beside the 统计 page's (both
        // lazy): each stays under Vite's 500 KB warning instead of the limit being raised. The group must hold all of
        // them, or recharts' chunk and the page's would import each other and run before they are ready.
        codeSplitting: {
          groups: [
            // The first files: the early entry's, then the app's, one chunk each. Left to the automatic split they were
            // seven, the app's largest queued behind the others on the bridge's six connections.
            { name: 'early', test: EARLY_START, priority: 30 },
            { name: 'app', tags: ['$initial'], priority: 20 },
            ...CONSOLE_CHUNKS.groups,
            { name: 'recharts', test: RECHARTS, includeDependenciesRecursively: false },
            { name: 'floating-ui', test: FLOATING_UI, includeDependenciesRecursively: false }
          ],
          // Common chunks under 16 KB are copied into the chunks that use them rather than loaded on their own:
          // the console needed ~45 files, which queue on the browser's six connections to the web bridge and each
          // cost the page a request (issue 16: its time to interactive; ~30 files now, ~60 ms sooner). The price is
          // ~0.5 MB more JS on disk in all. Experimental in rolldown (it turns on strictExecutionOrder): the e2e
          // suite runs on this build; without this line the build is the plain automatic split.
          experimentalInlineCommonChunks: { maxSize: 16 * 1024 }
        }
      }
    }
  }
}

export default rendererConfig
