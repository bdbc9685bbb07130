import Papa from 'papaparse'

const UTF8_BOM = '\uFEFF'

/**
 * Formula-like texts get an apostrophe so a spreadsheet does not run them (OWASP CSV injection: a cell
 * starting with = + - @, tab or CR). Phone-like texts (+86 138…) and negative numbers are no formulas; a
 * text that already starts with apostrophes before a formula character gets one more, so the roster
 * importer, which takes exactly one off, gives back the original.
 */
export const FORMULA_LIKE = /^(?:[=@\t\r]|[+-](?![0-9 ()-]*$)|'+[=+\-@\t\r])/

/** A table as CSV for Excel and WPS: UTF-8 with a BOM (so the Chinese reads right), CRLF, formula-safe cells. */
export function csvText(table: (string | number)[][]): string {
  return `${UTF8_BOM}${Papa.unparse(table, { newline: '\r\n', escapeFormulae: FORMULA_LIKE })}\r\n`
}
