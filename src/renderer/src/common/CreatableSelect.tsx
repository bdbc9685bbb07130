import { Select, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter, type SelectProps } from '@mantine/core'
import { useState } from 'react'

/** The value of the last option, which creates instead of choosing. */
const CREATE = '\u0000create'

type Option = { value: string; label: string }

interface Props extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchable' | 'filter'> {
  data: Option[]
  value: string | null
  onChange: (value: string | null) => void
  /** The last option's label (新建人员…); what was typed goes to the form, not into the label. */
  createLabel: string
  /** 新建… chosen: open the form, with what was typed. */
  onCreate: (typed: string) => void
  /** Leaving the field with text that matches no option (Tab): the text is offered, not dropped. */
  onUnmatched?: (typed: string) => void
  /** Shown under the field while there is nothing to choose: what to do. */
  emptyHint?: string
}

const isItem = (item: ComboboxParsedItem): item is ComboboxItem => 'value' in item

/**
 * A searchable Select whose list always ends with “新建…”: what it chooses can be made on the spot, and what
 * was typed is kept for the form (and, on leaving the field, offered rather than dropped).
 */
export function CreatableSelect({ data, value, onChange, createLabel, onCreate, onUnmatched, emptyHint, description, ...others }: Props) {
  const [typed, setTyped] = useState('')
  const text = typed.trim()
  const matching = (label: string): boolean => label.toLowerCase().includes(text.toLowerCase())
  const filter: OptionsFilter = ({ options }) =>
    options.filter((option) => isItem(option) && (option.value === CREATE || !text || matching(option.label)))

  return (
    <Select
      {...others}
      data={[...data, { value: CREATE, label: createLabel }]}
      value={value}
      searchable
      filter={filter}
      description={data.length === 0 && emptyHint ? emptyHint : description}
      onInput={(event) => setTyped(event.currentTarget.value)}
      onChange={(chosen) => {
        if (chosen === CREATE) onCreate(text)
        else onChange(chosen)
        setTyped('')
      }}
      onBlur={(event) => {
        others.onBlur?.(event)
        if (!text) return
        setTyped('')
        // The exact name of an option is that option; other text is offered for creating.
        const exact = data.find((option) => option.label === text)
        if (exact) onChange(exact.value)
        else onUnmatched?.(text)
      }}
    />
  )
}
