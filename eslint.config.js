import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'http', 'net', 'crypto', 'url', 'util', 'stream', 'worker_threads']

/** Matches a relative import that reaches into one of our own layers, e.g. `../../core/core`. */
const ours = (...layers) => `^(\\.{1,2}/)+(.*/)?(${layers.join('|')})(/|$)`

/** The layering of DESIGN.md §3, enforced: who may import whom. */
const layer = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] }
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**', 'bench/.out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off'
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' }
  },
  // The renderer talks to core only through the contract (src/renderer/src/api), never by import.
  layer(
    ['src/renderer/**/*.{ts,tsx}'],
    [
      { regex: ours('core', 'main', 'server', 'preload'), message: 'The renderer talks to core only through api (src/renderer/src/api).' },
      { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no Node modules.' }
    ],
    [
      { name: 'electron', message: 'The renderer never touches Electron; use api.' },
      { name: 'better-sqlite3', message: 'The renderer never touches the database; use api.' },
      ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs in a browser sandbox: no Node modules.' }))
    ]
  ),
  // Core is plain Node: it runs in Electron's main process and in the web bridge alike.
  layer(
    ['src/core/**/*.ts'],
    [{ regex: ours('main', 'renderer', 'server', 'preload'), message: 'Core depends only on shared.' }],
    [{ name: 'electron', message: 'Core never imports electron (it also runs in the web bridge).' }]
  ),
  // Shared code is pure: no Node, no DOM, no Electron, no other layer.
  layer(
    ['src/shared/**/*.ts'],
    [
      { regex: ours('core', 'main', 'renderer', 'server', 'preload'), message: 'Shared code depends on nothing of ours.' },
      { group: ['node:*'], message: 'Shared code is pure: no Node modules.' }
    ],
    [
      { name: 'electron', message: 'Shared code never imports electron.' },
      { name: 'better-sqlite3', message: 'Shared code never touches the database.' },
      ...NODE_BUILTINS.map((name) => ({ name, message: 'Shared code is pure: no Node modules.' }))
    ]
  ),
  // The web bridge must run in plain Node.
  layer(
    ['src/server/**/*.ts'],
    [{ regex: ours('main', 'renderer', 'preload'), message: 'The web bridge uses core and shared only.' }],
    [{ name: 'electron', message: 'The web bridge runs in plain Node, without electron.' }]
  ),
  layer(
    ['src/preload/**/*.ts'],
    [{ regex: ours('core', 'main', 'renderer', 'server'), message: 'The preload exposes only invoke and listen.' }]
  )
)
