import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useTranslation } from '../i18n/use-translation'

interface State {
  error: Error | null
}

/**
 * A page that fails to draw shows a message with 返回 and the details to report, instead of a white
 * screen; the rest of the app (navigation, other pages) keeps working. Keyed by the address, so
 * leaving the page clears it.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null }

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[page]', error, info.componentStack)
  }

  override render(): ReactNode {
    return this.state.error ? <PageFailed error={this.state.error} /> : this.props.children
  }
}

function PageFailed({ error }: { error: Error }) {
  const { t } = useTranslation()
  const details = `${window.location.hash}\n${error.name}: ${error.message}`
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('errors.pageFailed')} role="alert" maw={720}>
      <Stack gap="sm">
        <Text size="sm">{t('errors.pageFailedHelp')}</Text>
        <Code block>{details}</Code>
        <Group>
          <Button variant="white" color="red" onClick={() => window.history.back()}>
            {t('errors.goBack')}
          </Button>
          <Button variant="subtle" color="red" onClick={() => void navigator.clipboard?.writeText(details)}>
            {t('errors.copyDetails')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}
