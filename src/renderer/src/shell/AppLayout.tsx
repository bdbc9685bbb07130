import { AppShell, Group, NavLink, Stack, Text, Title } from '@mantine/core'
import { IconCalendarEvent, IconChartBar, IconChecklist, IconBook2, IconSearch, IconSettings, IconUsers, type Icon } from '@tabler/icons-react'
import { Suspense } from 'react'
import { useTranslation } from '../i18n/use-translation'
import { ArchiveHealthNotice } from '../features/backups/ArchiveHealthNotice'
import { TourButton } from '../features/tour/TourButton'
import { FirstRunLayer } from '../features/welcome/FirstRunLayer'
import { SessionsRoutes } from '../features/sessions/SessionsRoutes'
import { hrefFor, useLocation, type Route } from '../router'
import { Loading } from './Loading'
import { NotFoundPage } from './NotFoundPage'
import { LoadedComponent } from './LoadedComponent'
import { PAGE_MODULES } from './pages'
import { RouteErrorBoundary } from './RouteErrorBoundary'
// The app's icon (resources/icon.svg, whence the installers' icons too), put in the code as a data: URL by Vite
// (under its 4 KB limit): not a request of its own as the first screen loads (issue 16).
import appIcon from '../../../../resources/icon.svg?inline'

const NAV: { route: Exclude<Route, 'projector'>; icon: Icon }[] = [
  { route: 'sessions', icon: IconCalendarEvent },
  { route: 'followups', icon: IconChecklist },
  { route: 'statistics', icon: IconChartBar },
  { route: 'people', icon: IconUsers },
  { route: 'themes', icon: IconBook2 },
  { route: 'search', icon: IconSearch },
  { route: 'settings', icon: IconSettings }
]

export function AppLayout() {
  const { t } = useTranslation()
  const location = useLocation()
  // Each page is its own chunk (pages.ts), loaded when first opened.
  const page = location.route && location.route !== 'projector' && location.route !== 'sessions' ? PAGE_MODULES[location.route] : null
  // The live console needs the width: the navigation shrinks to its icons there.
  const compact = location.route === 'sessions' && location.params[1] === 'live'

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: compact ? 72 : 220, breakpoint: 0 }} padding={compact ? 'md' : 'xl'}>
      <AppShell.Header px="lg">
        <Group h="100%" gap="md">
          <img src={appIcon} alt="" width={36} height={36} />
          <Stack gap={0}>
            <Title order={2} fz={22} lh={1.1}>
              {t('app.name')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Group ml="auto">
            <TourButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('app.navigation')}>
        <Stack gap={4}>
          {NAV.map(({ route, icon: NavIcon }) => (
            <NavLink
              key={route}
              href={hrefFor(route)}
              label={compact ? undefined : t(`nav.${route}`)}
              aria-label={compact ? t(`nav.${route}`) : undefined}
              title={compact ? t(`nav.${route}`) : undefined}
              leftSection={<NavIcon size={22} stroke={1.6} />}
              active={location.route === route}
              aria-current={location.route === route ? 'page' : undefined}
              py="sm"
              fz="lg"
              styles={{ label: { fontSize: 'var(--mantine-font-size-lg)' } }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <ArchiveHealthNotice />
        <RouteErrorBoundary key={window.location.hash}>
          <Suspense fallback={<Loading />}>
            {location.route === 'sessions' ? <SessionsRoutes /> : page ? <LoadedComponent loader={page} props={{}} /> : <NotFoundPage />}
          </Suspense>
        </RouteErrorBoundary>
      </AppShell.Main>
      <FirstRunLayer />
    </AppShell>
  )
}
