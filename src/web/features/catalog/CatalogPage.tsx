import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Card, Loader, SelectField, TextField, ui, useDebouncedValue } from '../../components/lite/ui';
import { PageTitle } from '../../components/PageTitle';
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
  const debounced = useDebouncedValue(search, 300);
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
    return [...seen];
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
      <Card style={{ marginBottom: 20 }}>
        <div className={ui.grid}>
          <UnitSelect
            value={selected.code}
            onChange={selected.selectUnit}
            findByName
            data-testid="catalog-unit-select"
          />
          <TextField
            label={t('catalog.search')}
            placeholder={t('catalog.searchPlaceholder')}
            value={search}
            onChange={(event) => changeSearch(event.currentTarget.value)}
            type="search"
            data-testid="catalog-search"
          />
          <SelectField
            label={t('catalog.field')}
            value={field}
            onChange={(event) => setField(event.currentTarget.value)}
            data-testid="catalog-field-filter"
          >
            <option value={ALL_FIELDS}>{t('catalog.allFields')}</option>
            {fields.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
      </Card>

      {!selected.code ? (
        <Card style={{ textAlign: 'center' }}>
          <p className={ui.dimmed}>{t('catalog.chooseUnit')}</p>
        </Card>
      ) : procedures.isError ? (
        <PublicProblem error={procedures.error} testId="catalog-error" />
      ) : procedures.isPending ? (
        <Loader label={t('common.loading')} />
      ) : (
        <div className={ui.stack} style={{ gap: 12 }}>
          <p className={ui.dimmed} data-testid="catalog-count" aria-live="polite">
            {t('catalog.count', { count: visible.length })}
          </p>
          {visible.length === 0 ? (
            <Card style={{ textAlign: 'center' }} data-testid="catalog-empty">
              <p className={ui.dimmed}>{t('catalog.empty')}</p>
            </Card>
          ) : (
            <ProcedureList procedures={visible} unit={selected.code} />
          )}
        </div>
      )}
    </>
  );
}
