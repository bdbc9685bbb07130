import { createContext, useContext } from 'react'
import type { Settings } from '@shared/domain'

export const SettingsContext = createContext<Settings | null>(null)

export function useSettings(): Settings {
  const settings = useContext(SettingsContext)
  if (!settings) throw new Error('useSettings outside SettingsContext')
  return settings
}
