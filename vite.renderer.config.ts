import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import type { Plugin, UserConfig } from 'vite'

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
 * recharts and what only it uses (its dependencies and theirs; react-is; the with-selector part of
 * use-sync-external-store, whose shim react-i18next shares), for the chunk of its own below.
 */
const RECHARTS =
  /[\\/]node_modules[\\/](recharts|victory-vendor|d3-[\w-]+|internmap|@reduxjs[\\/]toolkit|redux|redux-thunk|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|@standard-schema[\\/][\w-]+|react-is|use-sync-external-store[\\/][\w\\/-]*with-selector)[\\/.]/

/** The renderer's Vite config: used by electron-vite and by the web bridge's dev mode alike. */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react(), productionCsp()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // electron-vite builds the renderer unminified by default (minify: false); the renderer ships minified.
    minify: true,
    rolldownOptions: {
      output: {
        // recharts and the libraries only it uses (~470 KB minified) make one chunk, loaded beside the 统计 page's (both
        // lazy): each stays under Vite's 500 KB warning instead of the limit being raised. The group must hold all of
        // them, or recharts' chunk and the page's would import each other and run before they are ready.
        codeSplitting: { groups: [{ name: 'recharts', test: RECHARTS, includeDependenciesRecursively: false }] }
      }
    }
  }
}

export default rendererConfig
