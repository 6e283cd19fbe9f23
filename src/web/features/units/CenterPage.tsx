import { Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/endpoints';
import type { FormerUnit } from '../../api/types';
import { IconFile, IconSearch } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useUnitPreference } from './unit-preference';

function FormerList({ units }: { units: FormerUnit[] }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder data-testid="center-former-units">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('units.formerColumn')}</Table.Th>
          <Table.Th>{t('units.formerWhere')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {units.map((f) => (
          <Table.Tr key={`${f.level}-${f.code}`}>
            <Table.Td>
              {f.name}
              {f.merge === 'partial' ? (
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({t('units.partial')})
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {f.level === 'commune' ? `${f.districtName}, ` : ''}
                {f.provinceName}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A commune center of today: which former units it serves, and where to go next. */
export function CenterPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { rememberUnit } = useUnitPreference();
  const former = useQuery({
    queryKey: ['units', 'former', code],
    queryFn: ({ signal }) => api.formerUnits(code, signal),
    staleTime: 5 * 60_000,
  });

  if (former.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  if (former.isError) return <ProblemAlert error={former.error} testId="center-error" isPublic />;
  const { unit, province, formerUnits } = former.data;

  return (
    <>
      <PageTitle
        title={t('units.centerTitle', { name: unit.fullName })}
        subtitle={
          <Group gap="xs">
            <Text size="sm" c="dimmed" data-testid="center-province">
              {unit.fullName}, {province.fullName}
            </Text>
            {unit.isActive ? (
              <Badge color="teal" variant="light" data-testid="center-active">
                {t('units.onSystem')}
              </Badge>
            ) : null}
          </Group>
        }
      />
      <Stack gap="lg">
        {unit.isActive ? (
          <Group gap="sm">
            <Button
              component={Link}
              to={`/thu-tuc?unit=${unit.code}`}
              leftSection={<IconFile size={16} />}
              onClick={() => rememberUnit(unit.code)}
              data-testid="center-catalog-link"
            >
              {t('units.centerCatalog')}
            </Button>
            <Button component={Link} to="/tra-cuu" variant="light" leftSection={<IconSearch size={16} />}>
              {t('home.trackingAction')}
            </Button>
          </Group>
        ) : (
          <Alert color="gray" data-testid="center-not-on-system">
            {t('units.notOnSystem')}
          </Alert>
        )}
        <Paper radius="lg" p="lg">
          <Title order={2} fz="lg" mb="xs">
            {t('units.formedFrom')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('units.formedFromBody')}
          </Text>
          {formerUnits.length ? (
            <FormerList units={formerUnits} />
          ) : (
            <Text size="sm">{t('units.noFormer')}</Text>
          )}
        </Paper>
      </Stack>
    </>
  );
}
