import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * LibreOffice Writer, as .ci/run installs it (Debian's libreoffice-writer-nogui): it lays a .docx out the way
 * an office that opens our file in WPS or Word would see it, which is what the rendering checks compare
 * with Chromium's PDF of the print page.
 */
export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((path) => existsSync(path))

/** Converts a .docx to PDF with a profile of its own (a shared one is locked by a running soffice). */
export function docxToPdf(docx: Buffer): Buffer {
  if (!SOFFICE) throw new Error('LibreOffice is not installed: apt-get install libreoffice-writer-nogui')
  const dir = mkdtempSync(join(tmpdir(), 'roundtable-soffice-'))
  try {
    writeFileSync(join(dir, 'document.docx'), docx)
    const run = spawnSync(
      SOFFICE,
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'document.docx')],
      { encoding: 'utf8', timeout: 120_000 }
    )
    const pdf = join(dir, 'document.pdf')
    if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF (exit ${run.status}):\n${run.stdout}\n${run.stderr}`)
    return readFileSync(pdf)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
