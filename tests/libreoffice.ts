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
  return docxToPdfs([docx])[0]!
}

/**
 * Converts several .docx files to PDF in one LibreOffice start (the start, not the layout, is most of the
 * time: one start for five documents takes about as long as one for one), each laid out on its own.
 */
export function docxToPdfs(docxs: readonly Buffer[]): Buffer[] {
  if (!SOFFICE) throw new Error('LibreOffice is not installed: apt-get install libreoffice-writer-nogui')
  if (docxs.length === 0) return []
  const dir = mkdtempSync(join(tmpdir(), 'roundtable-soffice-'))
  try {
    const names = docxs.map((docx, index) => {
      writeFileSync(join(dir, `document-${index + 1}.docx`), docx)
      return `document-${index + 1}`
    })
    const run = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...names.map((name) => join(dir, `${name}.docx`))
      ],
      { encoding: 'utf8', timeout: 120_000 + 30_000 * docxs.length }
    )
    return names.map((name) => {
      const pdf = join(dir, `${name}.pdf`)
      if (!existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${name}.docx (exit ${run.status}):\n${run.stdout}\n${run.stderr}`)
      return readFileSync(pdf)
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
