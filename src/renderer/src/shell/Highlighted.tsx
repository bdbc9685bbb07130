import { Mark } from '@mantine/core'
import { HIGHLIGHT_END, HIGHLIGHT_START } from '@shared/domain'

/** A search snippet with the matched parts marked. */
export function Highlighted({ snippet }: { snippet: string }) {
  const parts = snippet.split(HIGHLIGHT_START)
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <span key={index}>{part}</span>
        const [matched = '', rest = ''] = part.split(HIGHLIGHT_END)
        return (
          <span key={index}>
            <Mark>{matched}</Mark>
            {rest}
          </span>
        )
      })}
    </>
  )
}
