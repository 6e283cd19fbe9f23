import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UnitSearchItem } from '../../api/types';
import { IconSearch } from '../../components/icons';
import { ProblemAlert } from '../../components/ProblemAlert';
import { isSearchable, useUnitSearch } from './use-unit-search';

const PAGE = 8;

function ResultRow({ item }: { item: UnitSearchItem }) {
  const { t } = useTranslation();
  const { unit, matched } = item;
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`unit-finder-result-${unit.code}`}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/trung-tam/${unit.code}`} fw={600} data-testid="unit-finder-link">
            {unit.fullName}
          </Anchor>
          {unit.isActive ? (
            <Badge size="sm" color="teal" variant="light" style={{ flexShrink: 0 }}>
              {t('units.onSystem')}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {item.province.fullName}
        </Text>
        {matched.isFormer ? (
          <Text size="sm" data-testid="unit-finder-matched">
            {t(`units.formerLevel.${matched.level}`)}: <b>{matched.name}</b>
            {matched.context ? `, ${matched.context}` : ''}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/**
 * "Which center serves my village now?": a citizen types the name of their commune, district or
 * province — today's or the one before 1 July 2025 — and gets the commune of today, with a link to its
 * center page.
 */
export function UnitFinder() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const [limit, setLimit] = useState(PAGE);
  const result = useUnitSearch(debounced, { limit });
  const items = isSearchable(debounced) ? (result.data?.items ?? []) : [];

  return (
    <Paper radius="lg" p="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('units.finderTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('units.finderBody')}
        </Text>
        <TextInput
          label={t('units.finderLabel')}
          placeholder={t('units.finderPlaceholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={result.isFetching ? <Loader size={14} /> : null}
          value={q}
          maxLength={100}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setLimit(PAGE);
          }}
          type="search"
          data-testid="unit-finder-input"
        />
        {result.isError ? <ProblemAlert error={result.error} testId="unit-finder-error" isPublic /> : null}
        {isSearchable(debounced) && result.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="unit-finder-empty">
            {t('units.nothingFound')}
          </Text>
        ) : null}
        {items.length > 0 ? (
          <Stack gap="xs" data-testid="unit-finder-results">
            <Text size="xs" c="dimmed">
              {t('units.finderCount', { count: result.data?.total ?? 0 })}
            </Text>
            {items.map((item) => (
              <ResultRow key={item.unit.code} item={item} />
            ))}
            {(result.data?.total ?? 0) > items.length ? (
              <Button variant="subtle" onClick={() => setLimit((n) => Math.min(n + PAGE, 50))}>
                {t('units.finderMore')}
              </Button>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
