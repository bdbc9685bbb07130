import { crc32, deflateRawSync } from 'node:zlib'
import { EmptyElement, Packer, type Document } from 'docx'
import { Zip, type ZipInputFile } from 'fflate'

// Packs our documents into .docx files with the parts docx's Packer writes, without writing the same parts again for
// every document. Packer writes every part of the package from the document's objects each time and deflates them in
// JavaScript: most of an export's time. But the styles, the theme and the footers do not depend on what a document says:
// they are made from the options every document of a kind is given (see sharedPartsKind in docx.ts). So docx writes
// them for the first document of a kind and they are kept, deflated; for each later document of the kind docx is shown
// empty stand-ins in their place (which it writes in no time), and the kept parts go where it wrote them. Every byte of
// XML still comes from docx. The parts are deflated with Node's zlib, several times faster than fflate, and zipped by
// fflate.

type Part = string | Uint8Array

/** What Packer compiles a document with: the package's files by path, in the order it zips them. */
interface Compiler {
  compile(file: Document): Map<string, Part>
}
// Packer's compiler is private in docx's types (Packer only hands out the zipped package), so it is read through a cast.
const compiler = (Packer as unknown as { compiler: Compiler }).compiler

/** The parts of a package whose XML docx writes from a document's styles, theme and footers (footer1.xml, its .rels, …). */
const isShared = (path: string) => path === 'word/styles.xml' || path === 'word/theme/theme1.xml' || /^word\/(_rels\/)?footer\d+\.xml(\.rels)?$/.test(path)

/** What docx is shown in place of a document's styles, theme and footers once they are kept. */
const STAND_INS: Record<PropertyKey, unknown> = { Styles: new EmptyElement('w:styles'), Theme: new EmptyElement('a:theme'), Footers: [] }

/** The document as docx's compiler reads it, with the stand-ins for the parts that are kept. */
function withStandIns(file: Document): Document {
  return new Proxy(file, { get: (target, key) => (Object.hasOwn(STAND_INS, key) ? STAND_INS[key] : Reflect.get(target, key, target)) })
}

interface Deflated {
  path: string
  /** The part's size and CRC-32 before deflating, as the zip file records them. */
  size: number
  crc: number
  data: Uint8Array<ArrayBuffer>
}

function deflated(path: string, part: Part): Deflated {
  const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part
  return { path, size: bytes.length, crc: crc32(bytes), data: deflateRawSync(bytes) }
}

/**
 * The parts deflated already, zipped in the order given. fflate's streaming Zip writes each file's sizes and CRC just
 * after its data (a data descriptor, as Java's and Go's zip writers do, which Word, WPS and LibreOffice read), where
 * Packer's zipSync wrote them before it: the files in the zip are the same.
 */
function zipped(parts: Deflated[]): Buffer {
  const chunks: Buffer[] = []
  const zip = new Zip((error, chunk) => {
    if (error) throw error
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
  })
  for (const part of parts) {
    // A file of the zip whose data is given already deflated: fflate's Zip takes any ZipInputFile and writes what it is given.
    const file: ZipInputFile = { filename: part.path, size: part.size, crc: part.crc, compression: 8 }
    zip.add(file)
    file.ondata!(null, part.data, true)
  }
  zip.end() // fflate's Zip answers synchronously when each file's data is given at once, as here
  return Buffer.concat(chunks)
}

/** A part of the first document of a kind: its XML, deflated, and whether docx wrote it from the styles, theme or footers. */
interface KeptPart {
  shared: boolean
  xml: string
  deflated: Deflated
}

/** What is kept of the first document of a kind: the order of its parts, and its parts but its body (and photos). */
interface Kept {
  order: string[]
  parts: Map<string, KeptPart>
}

const BODY = 'word/document.xml'

/**
 * Keeps the first document of a kind, as docx wrote it whole, once it has checked that the stand-ins change the
 * shared parts and nothing else. If they changed another (a newer docx reading the styles, theme or footers into
 * another part), nothing is kept and each document of the kind is written whole.
 */
function keep(whole: Map<string, Part>, ownParts: Map<string, Part>): Kept | null {
  for (const [path, part] of ownParts) if (!isShared(path) && whole.get(path) !== part) return null
  for (const path of whole.keys()) if (!isShared(path) && !ownParts.has(path)) return null
  const parts = new Map<string, KeptPart>()
  for (const [path, part] of whole) if (typeof part === 'string' && path !== BODY) parts.set(path, { shared: isShared(path), xml: part, deflated: deflated(path, part) })
  return { order: [...whole.keys()], parts }
}

/**
 * A part as kept: a shared part, whatever docx wrote for its stand-in; another part (settings, numbering, the
 * relationships, …) when docx wrote the same XML for it as for the first document, so deflating it again would give
 * the same bytes. The body is never kept: it is what the document says.
 */
function keptPart(known: Kept, path: string, part: Part | undefined): Deflated | undefined {
  const kept = known.parts.get(path)
  return kept && (kept.shared || kept.xml === part) ? kept.deflated : undefined
}

/** A document's parts zipped, the shared ones and any other docx wrote the same as before taken as kept. */
function packed(parts: Map<string, Part>, known: Kept | null): Buffer {
  if (!known) return zipped([...parts].map(([path, part]) => deflated(path, part)))
  // In docx's order: the parts where docx put the first document's, then any the first did not have (its photos).
  const paths = new Set([...known.order.filter((path) => known.parts.get(path)?.shared || parts.has(path)), ...parts.keys()])
  return zipped([...paths].map((path) => keptPart(known, path, parts.get(path)) ?? deflated(path, parts.get(path)!)))
}

/**
 * What was kept of the first document of each kind, or null when the stand-ins would change a document. The shared
 * parts are the same in every document of a kind because the kind names everything a document's styles, theme and
 * footers are made from besides constants (see sharedPartsKind).
 */
const keptByKind = new Map<string, Kept | null>()

/**
 * A document packed as a .docx file, its parts as docx's Packer writes them. `kind` names everything its styles,
 * theme and footers depend on: two documents of a kind must have the same ones.
 */
export function packDocx(file: Document, kind: string): Buffer {
  const known = keptByKind.get(kind)
  if (known === undefined) {
    const whole = compiler.compile(file)
    const kept = keep(whole, compiler.compile(withStandIns(file)))
    keptByKind.set(kind, kept)
    return packed(whole, kept)
  }
  return packed(compiler.compile(known ? withStandIns(file) : file), known)
}
