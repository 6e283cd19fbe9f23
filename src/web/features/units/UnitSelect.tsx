import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, ui, useDebouncedValue } from '../../components/lite/ui';
import classes from './UnitFinder.module.css';
import { useCommunes } from './use-communes';
import { isSearchable, useUnitSearch } from './use-unit-search';

interface UnitSelectProps {
  value: string | null;
  onChange: (code: string | null) => void;
  hint?: string;
  /**
   * Adds a search box under the list: typing a current or former name (a commune, district or
   * province before 1 July 2025, with or without diacritics) lists the centers that serve it now, as
   * buttons that pick the center. Off where the page has the UnitFinder already (home).
   */
  findByName?: boolean;
  'data-testid'?: string;
}

/** Search by name, former names included, answered by the server's unit search; a button picks a center. */
function FindByName({
  known,
  onPick,
  testId,
}: {
  known: ReadonlySet<string>;
  onPick: (code: string) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 200);
  const searchable = isSearchable(debounced);
  const result = useUnitSearch(debounced, { active: true, limit: 8 });
  // Only the centers this installation runs can be chosen.
  const items = searchable ? (result.data?.items ?? []).filter((item) => known.has(item.unit.code)) : [];

  let status = '';
  if (searchable && result.isFetching) status = t('common.loading');
  else if (searchable && result.isSuccess)
    status = items.length ? t('units.finderCount', { count: items.length }) : t('units.nothingFound');

  return (
    <div style={{ marginTop: 12 }}>
      <TextField
        label={t('units.findLabel')}
        placeholder={t('units.finderPlaceholder')}
        value={q}
        maxLength={100}
        onChange={(event) => setQ(event.currentTarget.value)}
        type="search"
        autoComplete="off"
        data-testid={testId ? `${testId}-search` : undefined}
      />
      <p className={ui.dimmed} role="status" style={{ marginTop: 4 }}>
        {status}
      </p>
      {items.length > 0 ? (
        <ul className={classes.options} data-testid={testId ? `${testId}-matches` : undefined}>
          {items.map(({ unit, matched }) => (
            <li key={unit.code}>
              <button
                type="button"
                className={classes.option}
                onClick={() => {
                  onPick(unit.code);
                  setQ('');
                }}
                data-testid={`unit-option-${unit.code}`}
              >
                <span className={classes.optionName}>{unit.fullName}</span>
                {matched.isFormer ? (
                  <span className={classes.optionFormer} data-testid={`unit-option-former-${unit.code}`}>
                    {t('units.formerly', { name: matched.name, context: matched.context })}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Picks one of the commune centers running on this installation (a native select: light, accessible). */
export function UnitSelect({ value, onChange, hint, findByName = false, ...rest }: UnitSelectProps) {
  const { t } = useTranslation();
  const communes = useCommunes();
  const data = communes.data ?? [];
  // A remembered code the installation no longer runs must not show as a bare number.
  const known = data.some((unit) => unit.code === value) ? value : '';
  const select = (
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
  if (!findByName) return select;
  return (
    <div style={{ minWidth: 0 }}>
      {select}
      <FindByName
        known={new Set(data.map((unit) => unit.code))}
        onPick={(code) => onChange(code)}
        testId={rest['data-testid']}
      />
    </div>
  );
}
