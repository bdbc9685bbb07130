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

/** The renderer's Vite config: used by electron-vite and by the web bridge's dev mode alike. */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react(), productionCsp()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000
  }
}

export default rendererConfig
