import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { UnitSearchItem } from '../../api/types';
import { PublicProblem } from '../../components/lite/PublicProblem';
import { Badge, Button, Section, TextField, TextLink, ui, useDebouncedValue } from '../../components/lite/ui';
import classes from './UnitFinder.module.css';
import { isSearchable, useUnitSearch } from './use-unit-search';

const PAGE = 8;
/** The finder's anchor: other pages (the two-tier explanation) link to `/#tim-don-vi-cu`. */
export const FINDER_ANCHOR = 'tim-don-vi-cu';

function ResultRow({ item }: { item: UnitSearchItem }) {
  const { t } = useTranslation();
  const { unit, matched } = item;
  return (
    <li className={classes.result} data-testid={`unit-finder-result-${unit.code}`}>
      <div className={classes.resultHead}>
        <TextLink to={`/trung-tam/${unit.code}`} data-testid="unit-finder-link" style={{ fontWeight: 600 }}>
          {unit.fullName}
        </TextLink>
        {unit.isActive ? <Badge tone="teal">{t('units.onSystem')}</Badge> : null}
      </div>
      <p className={ui.dimmed}>{item.province.fullName}</p>
      {matched.isFormer ? (
        <p className={classes.matched} data-testid="unit-finder-matched">
          {t(`units.formerLevel.${matched.level}`)}: <b>{matched.name}</b>
          {matched.context ? `, ${matched.context}` : ''}
        </p>
      ) : null}
    </li>
  );
}

/**
 * "Which center serves my village now?": a citizen types the name of their commune, district or
 * province — today's or the one before 1 July 2025 (docs/domain-vn.md, Scope: districts abolished
 * 1 July 2025) — and gets the commune of today, with a link to its center page. Light components
 * only (public page).
 */
export function UnitFinder() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 250);
  const [limit, setLimit] = useState(PAGE);
  const result = useUnitSearch(debounced, { limit });
  const searchable = isSearchable(debounced);
  const items = searchable ? (result.data?.items ?? []) : [];
  const total = result.data?.total ?? 0;
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  // Reached by its anchor: bring the finder into view and put the cursor in it.
  useEffect(() => {
    if (location.hash !== `#${FINDER_ANCHOR}`) return;
    input.current?.scrollIntoView({ block: 'center' });
    input.current?.focus({ preventScroll: true });
  }, [location.hash]);

  let status = '';
  if (searchable && result.isFetching) status = t('common.loading');
  else if (searchable && result.isSuccess)
    status = items.length ? t('units.finderCount', { count: total }) : t('units.nothingFound');

  return (
    <Section title={t('units.finderTitle')} data-testid="unit-finder" id={FINDER_ANCHOR}>
      <div className={ui.stack} style={{ gap: 12 }}>
        <p className={ui.dimmed}>{t('units.finderBody')}</p>
        <TextField
          label={t('units.finderLabel')}
          placeholder={t('units.finderPlaceholder')}
          value={q}
          maxLength={100}
          onChange={(event) => {
            setQ(event.currentTarget.value);
            setLimit(PAGE);
          }}
          type="search"
          autoComplete="off"
          data-testid="unit-finder-input"
          inputRef={input}
        />
        {/* Announced by screen readers as results arrive (WCAG 4.1.3 status messages). */}
        <p
          className={ui.dimmed}
          role="status"
          data-testid={searchable && result.isSuccess && !items.length ? 'unit-finder-empty' : undefined}
        >
          {status}
        </p>
        {result.isError ? <PublicProblem error={result.error} testId="unit-finder-error" /> : null}
        {items.length > 0 ? (
          <ul className={classes.results} data-testid="unit-finder-results">
            {items.map((item) => (
              <ResultRow key={item.unit.code} item={item} />
            ))}
          </ul>
        ) : null}
        {items.length > 0 && total > items.length ? (
          <Button variant="subtle" onClick={() => setLimit((n) => Math.min(n + PAGE, 50))}>
            {t('units.finderMore')}
          </Button>
        ) : null}
      </div>
    </Section>
  );
}
