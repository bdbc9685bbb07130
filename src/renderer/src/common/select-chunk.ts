// Mantine's Select alone, for DeferredSelect's chunk: imported only with import(), so that its Combobox, Popover and
// floating-ui are not in the code of the pages that draw a DeferredSelect.
export { Select } from '@mantine/core'
