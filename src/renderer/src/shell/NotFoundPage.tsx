import { Anchor, EmptyState } from '@mantine/core'
import { IconMapQuestion } from '@tabler/icons-react'
import { useTranslation } from '../i18n/use-translation'
import { hrefFor } from '../router'

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <EmptyState mt="xl" icon={<IconMapQuestion size={40} />} title={t('common.notFoundPage')}>
      <EmptyState.Actions>
        <Anchor href={hrefFor('sessions')}>{t('common.backHome')}</Anchor>
      </EmptyState.Actions>
    </EmptyState>
  )
}
