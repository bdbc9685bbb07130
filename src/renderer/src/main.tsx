// First: asks for what the first screen needs before the rest is evaluated (shell/early-start.ts).
import { firstScreenArrived, settingsArrived } from './shell/early-start'
import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/dates/styles.css'
import './shell/global.css'
import { MantineProvider } from '@mantine/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { applyLanguage } from './i18n'
import { LanguageProvider } from './i18n/use-translation'
import { App } from './App'
import { parseHash } from './address'
import { LaterNotifications } from './shell/LaterNotifications'
import { applyFontSize, theme, windowFontSize } from './theme'

function draw(): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <LanguageProvider>
          <LaterNotifications />
          <App />
        </LanguageProvider>
      </MantineProvider>
    </StrictMode>
  )
}

// Drawn once the settings are here (a few milliseconds after the code, usually) with their language's words, and
// the first screen's code and reads (early-start.ts): drawn before, the app would show a loader, then draw itself
// again (issue 16: time to interactive). Whatever the answers, the app is drawn; it shows a failed read itself (App).
// The font size too: set once the app has drawn (App), it made the browser restyle the whole page after its first draw.
const languageApplied = settingsArrived
  .then((settings) => {
    if (!settings.ok) return undefined
    applyFontSize(windowFontSize(parseHash(window.location.hash).route, settings.value.fontSize))
    return applyLanguage(settings.value.language)
  })
  .catch(() => undefined)
void Promise.all([languageApplied, firstScreenArrived]).then(draw)
