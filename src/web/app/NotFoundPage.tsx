import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  const location = useLocation();
  useDocumentTitle(`${t('notFound.title')} · ${t('app.name')}`);
  return (
    <Paper p={{ base: 'lg', sm: 48 }} radius="lg" maw={640} mx="auto" mt="xl" data-testid="not-found">
      <Stack align="center" gap="sm" ta="center">
        <Text fz={64} fw={800} c="brand.8" lh={1}>
          404
        </Text>
        <Title order={1} fz={{ base: 22, sm: 28 }}>
          {t('notFound.title')}
        </Title>
        <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('notFound.body', { path: location.pathname })}
        </Text>
        <Group justify="center" mt="md">
          <Button component={Link} to="/">
            {t('notFound.home')}
          </Button>
          <Button component={Link} to="/thu-tuc" variant="default">
            {t('nav.catalog')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
