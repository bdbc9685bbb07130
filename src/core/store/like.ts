/** A LIKE pattern that finds `text` anywhere, with %, _ and \ taken literally (use with ESCAPE '\'). */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
