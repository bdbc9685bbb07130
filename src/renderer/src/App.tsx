import { Center, Loader } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import 'dayjs/locale/zh-cn'
import { lazy, Suspense, useEffect } from 'react'
import { useTranslation } from './i18n/use-translation'
import { api } from './api'
import { useChannel } from './api/use-channel'
import { FirstRunProvider } from './features/tour/first-run'
import { applyLanguage } from './i18n'
import { useLocation } from './router'
import { AppLayout } from './shell/AppLayout'
import { ErrorNotice } from './shell/ErrorNotice'
import { Loading } from './shell/Loading'
import { SettingsContext } from './shell/settings-context'
import { applyFontSize, windowFontSize } from './theme'

/** The projector window needs none of the shell: its own chunk. */
const ProjectorPage = lazy(() => import('./features/projector/ProjectorPage').then((m) => ({ default: m.ProjectorPage })))

/** Loads the settings first, so the very first screen is already in the user's language. */
export function App() {
  const { t } = useTranslation()
  const settings = useChannel('settings:get', {}, ['settings:changed'])
  const language = settings.data?.language
  const location = useLocation()
  const fontSize = settings.data ? windowFontSize(location.route, settings.data.fontSize) : undefined

  useEffect(() => {
    // Should English's words fail to arrive, the UI stays in the language it is in.
    if (language) applyLanguage(language).catch(() => undefined)
  }, [language])
  useEffect(() => {
    if (fontSize) applyFontSize(fontSize)
  }, [fontSize])
  // Another archive was put in place (恢复, maybe from another window): every view starts afresh.
  useEffect(() => api.listen('archive:restored', () => window.location.reload()), [])

  if (settings.data) {
    return (
      <SettingsContext.Provider value={settings.data}>
        <DatesProvider settings={{ locale: settings.data.language === 'en' ? 'en' : 'zh-cn', firstDayOfWeek: 1 }}>
          {location.route === 'projector' && location.params[0] ? (
            <Suspense fallback={<Loading />}>
              <ProjectorPage sessionId={location.params[0]} />
            </Suspense>
          ) : (
            <FirstRunProvider>
              <AppLayout />
            </FirstRunProvider>
          )}
        </DatesProvider>
      </SettingsContext.Provider>
    )
  }
  if (settings.error) {
    return (
      <Center h="100vh" p="xl">
        <ErrorNotice error={settings.error} onRetry={settings.reload} />
      </Center>
    )
  }
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  )
}
