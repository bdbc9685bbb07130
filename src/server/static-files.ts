import { createReadStream, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf'
}

/** The Content-Type of a file of the built renderer, by its extension. */
export const contentType = (file: string): string => TYPES[extname(file)] ?? 'application/octet-stream'

/**
 * The file of the built renderer that a URL path names, with its size; null when there is none or the path
 * climbs out of `root`. Shared by the web bridge and the desktop app's app:// protocol.
 */
export function rendererFile(root: string, pathname: string): { file: string; size: number } | null {
  let relative: string
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  } catch {
    return null
  }
  if (relative.includes('\0')) return null
  const file = join(root, relative === '' ? 'index.html' : relative)
  const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep)
  const size = inside ? fileSize(file) : null
  return size === null ? null : { file, size }
}

/** Serves a file of the built renderer; paths that climb out of `root` are treated as missing. */
export function serveStatic(root: string, pathname: string, res: ServerResponse, headers: Record<string, string>): void {
  const found = rendererFile(root, pathname)
  if (!found) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
    return
  }
  const isIndex = found.file.endsWith('index.html')
  res.writeHead(200, {
    ...headers,
    'Content-Type': contentType(found.file),
    'Content-Length': String(found.size),
    // Built assets have hashed names; the page itself must always be fresh.
    'Cache-Control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable'
  })
  createReadStream(found.file).pipe(res)
}

function fileSize(file: string): number | null {
  try {
    const stat = statSync(file)
    return stat.isFile() ? stat.size : null
  } catch {
    return null
  }
}
