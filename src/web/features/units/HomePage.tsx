import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IconArrowRight, IconBuilding, IconFile, IconLogin, IconSearch } from '../../components/icons';
import { useMe } from '../identity/use-me';
import classes from './HomePage.module.css';
import { UnitFinder } from './UnitFinder';
import { UnitSelect } from './UnitSelect';
import { useSelectedUnit } from './use-communes';

interface EntryCardProps {
  icon: ReactNode;
  title: string;
  body: string;
  action: string;
  to: string;
  testId: string;
}

function EntryCard({ icon, title, body, action, to, testId }: EntryCardProps) {
  return (
    <Card radius="lg" padding="lg" shadow="xs" className={classes.entry}>
      <Stack gap="sm" h="100%">
        <ThemeIcon size={44} radius="md" variant="light">
          {icon}
        </ThemeIcon>
        <Title order={3} fz="lg">
          {title}
        </Title>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          {body}
        </Text>
        <Button
          component={Link}
          to={to}
          variant="light"
          rightSection={<IconArrowRight size={16} />}
          data-testid={testId}
        >
          {action}
        </Button>
      </Stack>
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.name'));
  const selected = useSelectedUnit();
  const me = useMe();
  const unitQuery = selected.code ? `?unit=${encodeURIComponent(selected.code)}` : '';

  return (
    <Stack gap="xl">
      <Paper radius="lg" p={{ base: 'lg', sm: 40 }} className={classes.hero} withBorder={false}>
        <Stack gap="md" maw={720}>
          <Badge color="gold" c="brand.9" variant="filled" size="lg" radius="sm" w="fit-content">
            {t('home.badge')}
          </Badge>
          <Title order={1} c="white" fz={{ base: 26, sm: 38 }} lh={1.15}>
            {t('home.title')}
          </Title>
          <Text c="brand.0" fz={{ base: 'sm', sm: 'md' }}>
            {t('home.intro')}
          </Text>
          <Box className={classes.unitBox}>
            <UnitSelect
              value={selected.code}
              onChange={selected.selectUnit}
              size="md"
              leftSection={<IconBuilding />}
              data-testid="home-unit-select"
              description={t('home.unitHint')}
            />
          </Box>
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: 2, md: me.data?.role === 'reception' ? 3 : 2 }} spacing="lg">
        <EntryCard
          icon={<IconFile size={24} />}
          title={t('home.catalogTitle')}
          body={t('home.catalogBody')}
          action={t('home.catalogAction')}
          to={`/thu-tuc${unitQuery}`}
          testId="home-catalog-link"
        />
        <EntryCard
          icon={<IconSearch size={24} />}
          title={t('home.trackingTitle')}
          body={t('home.trackingBody')}
          action={t('home.trackingAction')}
          to="/tra-cuu"
          testId="home-tracking-link"
        />
        {me.data?.role === 'reception' ? (
          <EntryCard
            icon={<IconLogin size={24} />}
            title={t('home.receptionTitle')}
            body={t('home.receptionBody')}
            action={t('home.receptionAction')}
            to="/tiep-nhan"
            testId="home-reception-link"
          />
        ) : null}
      </SimpleGrid>

      <UnitFinder />

      <Paper radius="lg" p="lg">
        <Title order={2} fz="lg" mb="sm">
          {t('home.howTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {(['1', '2', '3'] as const).map((step) => (
            <Group key={step} align="flex-start" gap="sm" wrap="nowrap">
              <ThemeIcon radius="xl" size={32} color="gold" c="brand.9">
                <Text fw={800}>{step}</Text>
              </ThemeIcon>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text fw={600}>{t(`home.step${step}Title`)}</Text>
                <Text size="sm" c="dimmed">
                  {t(`home.step${step}Body`)}
                </Text>
              </Stack>
            </Group>
          ))}
        </SimpleGrid>
        {!me.data ? (
          <Text size="sm" c="dimmed" mt="lg">
            {t('home.staffHint')}{' '}
            <Text component={Link} to="/dang-nhap" c="brand.8" fw={600} size="sm">
              {t('auth.signIn')}
            </Text>
          </Text>
        ) : null}
      </Paper>
    </Stack>
  );
}
