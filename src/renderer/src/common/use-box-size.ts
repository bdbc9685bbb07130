import { useLayoutEffect, useRef, useState } from 'react'

/**
 * The size of an element's box, measured before the browser first paints it and again whenever it changes.
 *
 * Unlike @mantine/hooks' useElementSize (a ResizeObserver only), the first size is read in a layout effect:
 * what depends on it (the console's seats) is drawn in the same frame as the rest of the page, not in a second
 * draw one frame later (issue 16: the console's time to interactive).
 */
export function useBoxSize<T extends HTMLElement>(): { ref: React.RefObject<T | null>; width: number; height: number } {
  const ref = useRef<T>(null)
  const [size, setSize] = useState({ width: 0, height: 0 })
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => {
      const { width, height } = element.getBoundingClientRect()
      setSize((previous) => (previous.width === width && previous.height === height ? previous : { width, height }))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return { ref, ...size }
}
