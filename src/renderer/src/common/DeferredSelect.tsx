import { InputBase, type SelectProps } from '@mantine/core'
import { IconSelector } from '@tabler/icons-react'
import { useMergedRef } from '@mantine/hooks'
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import { usePreloadWhenIdle } from '../shell/LoadedComponent'
import { moduleLoader } from '../shell/module-loader'

// Mantine's Select brings its Combobox, Popover and floating-ui (~110 KB of the console's JavaScript): a chunk of
// its own, fetched once the page is drawn and the browser is idle, or when the box is first pointed at or focused.
const SELECT = moduleLoader(() => import('./select-chunk').then((m) => m.Select))
const PRELOADED = [SELECT]
const fetchSelect = (): void => SELECT.preload()

type Option = { value: string; label: string }

/** Mantine's Select, for `data` of `{ value, label }` options and a controlled `value`. */
export interface DeferredSelectProps extends Omit<SelectProps, 'data' | 'value'> {
  data: readonly Option[]
  value: string | null
  ref?: React.Ref<HTMLInputElement>
}

/**
 * Mantine's Select, drawn first as a box of the same look that shows the chosen option (Mantine's InputBase and
 * chevron, as the Select draws them), and replaced by the Select itself as soon as its code is here — when the
 * browser is idle after the page's first draw, or at once when the box is pointed at, focused or clicked. The
 * live console's 记录给 and 从谁开始 pickers: a Select in the console's first draw brought its whole dropdown machinery
 * into the console's code (issue 16: the console's time to interactive). The focus stays where it was: a box
 * that had it gives it to the Select that replaces it, and a click on the box opens the Select's options.
 */
export function DeferredSelect({ ref, ...props }: DeferredSelectProps) {
  const state = useSyncExternalStore(SELECT.subscribe, SELECT.state)
  usePreloadWhenIdle(PRELOADED)
  const own = useRef<HTMLInputElement>(null)
  const merged = useMergedRef(own, ref)
  // What the stand-in had when it was replaced: the focus, and a click that asked for the options.
  const handOver = useRef({ focused: false, open: false })
  const loaded = state.status === 'loaded'

  useLayoutEffect(() => {
    if (!loaded || !handOver.current.focused) return
    own.current?.focus()
    if (handOver.current.open) own.current?.click()
    handOver.current = { focused: false, open: false }
  }, [loaded])

  if (state.status === 'loaded') {
    const Select = state.value
    return <Select ref={merged} {...props} data={props.data as Option[]} />
  }
  const { data, value, placeholder, searchable, label, size, w, style, className, disabled, error, description, withAsterisk, required } = props
  const chosen = data.find((option) => option.value === value)?.label ?? ''
  return (
    <InputBase
      ref={merged}
      label={label}
      description={description}
      error={error}
      withAsterisk={withAsterisk}
      required={required}
      size={size}
      w={w}
      style={style}
      className={className}
      disabled={disabled}
      aria-label={props['aria-label']}
      // Read out as the Select will be: a closed list box.
      role="combobox"
      aria-haspopup="listbox"
      aria-expanded={false}
      value={chosen}
      placeholder={placeholder}
      readOnly
      pointer={!searchable}
      rightSection={<IconSelector size={16} color="var(--mantine-color-gray-6)" aria-hidden />}
      rightSectionPointerEvents="none"
      onPointerEnter={fetchSelect}
      onFocus={() => {
        handOver.current.focused = true
        fetchSelect()
      }}
      onBlur={() => (handOver.current = { focused: false, open: false })}
      onClick={() => {
        handOver.current = { focused: true, open: true }
        SELECT.load().catch(() => undefined)
      }}
    />
  )
}
