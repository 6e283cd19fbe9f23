import {
  type ComboboxItem,
  type ComboboxParsedItem,
  Select,
  type SelectProps,
  Stack,
  Text,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchUnitName } from '../../../domain/units/former-units.ts';
import type { MatchedUnit } from '../../api/types';
import { useCommunes } from './use-communes';
import { useUnitSearch } from './use-unit-search';

interface UnitSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (code: string | null) => void;
}

function isItem(option: ComboboxParsedItem): option is ComboboxItem {
  return 'value' in option;
}

/**
 * Picks one of the commune centers running on this installation. Typing a former name (a commune,
 * district or province before 1 July 2025, with or without diacritics) finds the center that serves
 * it now: the server's unit search answers, and the option says which former unit matched.
 */
export function UnitSelect({ value, onChange, ...rest }: UnitSelectProps) {
  const { t } = useTranslation();
  const communes = useCommunes();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const data = useMemo(
    () => (communes.data ?? []).map((unit) => ({ value: unit.code, label: unit.fullName })),
    [communes.data],
  );
  // A remembered code the installation no longer runs must not show as a bare number.
  const known = data.some((item) => item.value === value) ? value : null;
  const selectedLabel = data.find((item) => item.value === known)?.label;
  const former = useUnitSearch(debounced === selectedLabel ? '' : debounced, { active: true, limit: 20 });
  const matchedBy = useMemo(() => {
    const map = new Map<string, MatchedUnit>();
    for (const item of former.data?.items ?? []) map.set(item.unit.code, item.matched);
    return map;
  }, [former.data]);

  const filter = ({ options, search: typed }: { options: ComboboxParsedItem[]; search: string }) => {
    const items = options.filter(isItem);
    if (!typed.trim()) return items;
    const byName = items.filter((o) => matchUnitName(o.label, typed) !== undefined);
    const byFormer = items.filter((o) => !byName.includes(o) && matchedBy.get(o.value)?.isFormer);
    return [...byName, ...byFormer];
  };

  return (
    <Select
      label={t('units.select')}
      placeholder={communes.isLoading ? t('common.loading') : t('units.placeholder')}
      data={data}
      value={known}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      renderOption={({ option }) => {
        const matched = matchedBy.get(option.value);
        const showFormer = matched?.isFormer && matchUnitName(option.label, search) === undefined;
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {showFormer ? (
              <Text size="xs" c="dimmed" data-testid={`unit-option-former-${option.value}`}>
                {t('units.formerly', { name: matched.name, context: matched.context })}
              </Text>
            ) : null}
          </Stack>
        );
      }}
      allowDeselect={false}
      nothingFoundMessage={former.isFetching ? t('common.loading') : t('units.nothingFound')}
      error={communes.isError ? t('units.loadError') : undefined}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
