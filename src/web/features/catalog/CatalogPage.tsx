import { Center, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IconSearch } from '../../components/icons';
import { PageTitle } from '../../components/PageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { UnitSelect } from '../units/UnitSelect';
import { useSelectedUnit } from '../units/use-communes';
import { ProcedureList } from './ProcedureList';
import { useProcedures } from './use-procedures';

const ALL_FIELDS = '__all__';

export function CatalogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selected = useSelectedUnit();
  const [search, setSearch] = useState(() => params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const [field, setField] = useState<string>(ALL_FIELDS);
  const procedures = useProcedures(selected.code, debounced);

  // Keep the query in the URL so a search can be shared or bookmarked. The URL is written as the user
  // types, never later from a timer: a delayed write would navigate back to the catalogue when the
  // user has meanwhile clicked a procedure.
  const changeSearch = (value: string) => {
    setSearch(value);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (value.trim()) updated.set('q', value.trim());
        else updated.delete('q');
        return updated;
      },
      { replace: true },
    );
  };

  const fields = useMemo(() => {
    const seen = new Map<string, string>();
    for (const procedure of procedures.data ?? []) seen.set(procedure.field.code, procedure.field.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [procedures.data]);

  const visible = useMemo(
    () => (procedures.data ?? []).filter((p) => field === ALL_FIELDS || p.field.code === field),
    [procedures.data, field],
  );

  const centerName = selected.unit?.fullName;

  return (
    <>
      <PageTitle
        title={t('catalog.title')}
        subtitle={centerName ? t('catalog.subtitle', { name: centerName }) : t('catalog.subtitleNoUnit')}
      />
      <Paper p="md" radius="lg" mb="lg">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <UnitSelect
            value={selected.code}
            onChange={selected.selectUnit}
            data-testid="catalog-unit-select"
          />
          <TextInput
            label={t('catalog.search')}
            placeholder={t('catalog.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => changeSearch(event.currentTarget.value)}
            rightSection={procedures.isFetching && selected.code ? <Loader size={14} /> : null}
            type="search"
            data-testid="catalog-search"
          />
          <Select
            label={t('catalog.field')}
            data={[{ value: ALL_FIELDS, label: t('catalog.allFields') }, ...fields]}
            value={field}
            onChange={(value) => setField(value ?? ALL_FIELDS)}
            allowDeselect={false}
            data-testid="catalog-field-filter"
          />
        </SimpleGrid>
      </Paper>

      {!selected.code ? (
        <Paper p="xl" radius="lg" ta="center">
          <Text c="dimmed">{t('catalog.chooseUnit')}</Text>
        </Paper>
      ) : procedures.isError ? (
        <ProblemAlert error={procedures.error} testId="catalog-error" isPublic />
      ) : procedures.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="catalog-count">
              {t('catalog.count', { count: visible.length })}
            </Text>
          </Group>
          {visible.length === 0 ? (
            <Paper p="xl" radius="lg" ta="center" data-testid="catalog-empty">
              <Text c="dimmed">{t('catalog.empty')}</Text>
            </Paper>
          ) : (
            <ProcedureList procedures={visible} unit={selected.code} />
          )}
        </Stack>
      )}
    </>
  );
}
