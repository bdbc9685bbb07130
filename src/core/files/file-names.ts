/**
 * A title as part of a file name on Windows, macOS and Linux alike: the characters Windows refuses
 * (\\ / : * ? " < > |) and control characters become _, runs of spaces one space, and the ends lose the
 * spaces and dots Windows drops; long titles are cut so the whole name stays well under 255.
 */
export function safeFileName(title: string, maxLength = 60): string {
  const cleaned = title
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[. ]+|[. ]+$/g, '')
  return [...cleaned].slice(0, maxLength).join('') || '_'
}
