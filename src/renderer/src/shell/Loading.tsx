import { Center, Loader } from '@mantine/core'
import { useTranslation } from '../i18n/use-translation'

export function Loading() {
  const { t } = useTranslation()
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  )
}
