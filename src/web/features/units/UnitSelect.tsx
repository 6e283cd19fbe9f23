import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCommunes } from './use-communes';

interface UnitSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null;
  onChange: (code: string | null) => void;
}

/** Picks one of the commune centers running on this installation. */
export function UnitSelect({ value, onChange, ...rest }: UnitSelectProps) {
  const { t } = useTranslation();
  const communes = useCommunes();
  const data = (communes.data ?? []).map((unit) => ({ value: unit.code, label: unit.fullName }));
  // A remembered code the installation no longer runs must not show as a bare number.
  const known = data.some((item) => item.value === value) ? value : null;
  return (
    <Select
      label={t('units.select')}
      placeholder={communes.isLoading ? t('common.loading') : t('units.placeholder')}
      data={data}
      value={known}
      onChange={onChange}
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('units.nothingFound')}
      error={communes.isError ? t('units.loadError') : undefined}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
