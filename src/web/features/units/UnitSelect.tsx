import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/lite/ui';
import { useCommunes } from './use-communes';

interface UnitSelectProps {
  value: string | null;
  onChange: (code: string | null) => void;
  hint?: string;
  'data-testid'?: string;
}

/** Picks one of the commune centers running on this installation (a native select: light, accessible). */
export function UnitSelect({ value, onChange, hint, ...rest }: UnitSelectProps) {
  const { t } = useTranslation();
  const communes = useCommunes();
  const data = communes.data ?? [];
  // A remembered code the installation no longer runs must not show as a bare number.
  const known = data.some((unit) => unit.code === value) ? value : '';
  return (
    <SelectField
      label={t('units.select')}
      value={known ?? ''}
      onChange={(event) => onChange(event.currentTarget.value || null)}
      error={communes.isError ? t('units.loadError') : undefined}
      hint={hint}
      {...rest}
    >
      <option value="" disabled>
        {communes.isLoading ? t('common.loading') : t('units.placeholder')}
      </option>
      {data.map((unit) => (
        <option key={unit.code} value={unit.code}>
          {unit.fullName}
        </option>
      ))}
    </SelectField>
  );
}
