import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionProps {
  title: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
  id?: string;
}

/** One titled block of a report page. */
export function Section({ title, actions, children, testId, id }: SectionProps) {
  return (
    <Paper p={{ base: 'sm', sm: 'lg' }} radius="lg" data-testid={testId} id={id} component="section">
      <Group justify="space-between" align="center" wrap="wrap" gap="xs" mb="md">
        <Title order={2} fz={{ base: 'md', sm: 'lg' }} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {actions ? (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        ) : null}
      </Group>
      {children}
    </Paper>
  );
}
