import { ComboboxChevron, InputBase, type SelectProps } from '@mantine/core'
import { useMergedRef } from '@mantine/hooks'
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import { usePreloadWhenIdle } from '../shell/LoadedComponent'
import { moduleLoader } from '../shell/module-loader'

// Mantine's Select brings its Combobox, Popover and floating-ui (~100 KB of JavaScript): a chunk of its own,
// fetched once the page is drawn and the browser is idle, or when the box is first pointed at or focused.
const SELECT = moduleLoader(() => import('./select-chunk').then((m) => m.Select))
const PRELOADED = [SELECT]
const fetchSelect = (): void => void SELECT.preload()

type Option = { value: string; label: string }

/** What the stand-in draws as the Select would; the Select gets all of them. */
type Shown = 'size' | 'w' | 'label' | 'aria-label' | 'placeholder' | 'searchable' | 'disabled' | 'error' | 'description' | 'withAsterisk' | 'required'

/** Mantine's Select, for `data` of `{ value, label }` options and a controlled `value`. */
export type DeferredSelectProps = Pick<SelectProps, Shown | 'onChange' | 'allowDeselect' | 'comboboxProps'> & {
  data: readonly Option[]
  value: string | null
  ref?: React.Ref<HTMLInputElement>
}

/**
 * Mantine's Select, drawn first as a box of the same look that shows the chosen option (Mantine's InputBase and
 * chevron, as the Select draws them), and replaced by the Select itself as soon as its code is here — when the
 * browser is idle after the page's first draw, or at once when the box is pointed at, focused or clicked. For the
 * live console's pickers (记录给, 从这个座位开始传话筒, a remark's 改为): a Select in the console's first draw brought
 * its whole dropdown machinery into the console's code (issue 16: the console's time to interactive). The focus
 * stays where it was: a box that has it when the Select arrives gives it to the Select, and a click or a key press
 * on the box opens the Select's options (the keys themselves are not replayed). A failure to load the code is
 * thrown, for the page's error boundary, as a page's is (LoadedComponent).
 */
export function DeferredSelect({ ref, ...props }: DeferredSelectProps) {
  const state = useSyncExternalStore(SELECT.subscribe, SELECT.state)
  usePreloadWhenIdle(PRELOADED)
  const own = useRef<HTMLInputElement>(null)
  const merged = useMergedRef(own, ref)
  // What the stand-in has when it is replaced: the focus, and a click or a key that asked for the options.
  const handOver = useRef({ focused: false, open: false })
  const loaded = state.status === 'loaded'

  useLayoutEffect(() => {
    if (!loaded || !handOver.current.focused) return
    own.current?.focus()
    // A click opens a list that is not searchable (a searchable one opens as it takes the focus).
    if (handOver.current.open) own.current?.click()
    handOver.current = { focused: false, open: false }
  }, [loaded])

  if (state.status === 'failed') throw state.error
  if (state.status === 'loaded') {
    const Select = state.value
    return <Select ref={merged} {...props} data={props.data as Option[]} />
  }
  // What the stand-in draws as the Select would (`Shown`) goes to Mantine's InputBase as it is.
  const { data, value, searchable, onChange: _onChange, allowDeselect: _allowDeselect, comboboxProps: _comboboxProps, ...shown } = props
  const ask = (): void => {
    handOver.current = { focused: true, open: true }
    SELECT.load().catch(() => undefined) // a failure is shown from the state (above)
  }
  return (
    <InputBase
      ref={merged}
      {...shown}
      // Read out as the Select will be: a closed list box.
      role="combobox"
      aria-haspopup="listbox"
      aria-expanded={false}
      value={data.find((option) => option.value === value)?.label ?? ''}
      readOnly
      pointer={!searchable}
      rightSection={<ComboboxChevron size={shown.size} error={shown.error} />}
      rightSectionPointerEvents="none"
      onPointerEnter={fetchSelect}
      onFocus={() => {
        handOver.current.focused = true
        fetchSelect()
      }}
      onBlur={() => (handOver.current = { focused: false, open: false })}
      // On the press, not the click: the Select may arrive between the two.
      onPointerDown={ask}
      onKeyDown={(event) => {
        if (event.key !== 'Tab' && event.key !== 'Escape' && event.key !== 'Shift') ask()
      }}
    />
  )
}
