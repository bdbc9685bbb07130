import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { hrefFor } from '../../router'

/** A titled card: one question the page answers. */
export function Section({ title, description, actions, children, testId }: { title: string; description?: string; actions?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="lg" data-testid={testId}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <Stack gap={2}>
          <Title order={2} fz={20}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {children}
    </Card>
  )
}

/** A person's name, linking to them in the directory. */
export function PersonLink({ personId, name }: { personId: string; name: string }) {
  return <Anchor href={hrefFor('people', personId)}>{name}</Anchor>
}

