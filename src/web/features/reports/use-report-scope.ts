import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me, ReportScopeLevel } from '../../api/types';
import { useCommunes } from '../units/use-communes';
import { useProvinces } from './use-reports';

export interface ScopeOption {
  value: string;
  label: string;
  level: ReportScopeLevel;
}

export interface ReportScope {
  /** `unit` of the report API: a commune code, a province code, or 'all'. */
  unit: string | null;
  level: ReportScopeLevel;
  label: string;
  /** What the user may choose from; empty for commune staff, who see their own commune only. */
  options: { group: string; items: ScopeOption[] }[];
  setUnit: (unit: string) => void;
}

/**
 * Whose figures a report shows: commune staff their commune; a province officer the whole province or
 * one of its running communes; an administrator the whole country, a province or any running commune.
 * The choice lives in `?unit=` so a report can be linked.
 */
export function useReportScope(me: Me): ReportScope {
  const { t } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const communes = useCommunes();
  const isAdmin = me.role === 'admin';
  const isProvince = me.role === 'province';
  const provinces = useProvinces(isAdmin);

  const options = useMemo(() => {
    if (!isAdmin && !isProvince) return [];
    const running = (communes.data ?? []).filter((c) => isAdmin || c.parentCode === me.unit?.code);
    const top: ScopeOption[] = [];
    if (isAdmin) {
      top.push({ value: 'all', label: t('scope.national'), level: 'national' });
      const withCenters = new Set(running.map((c) => c.parentCode));
      for (const p of provinces.data ?? []) {
        if (withCenters.has(p.code)) {
          top.push({
            value: p.code,
            label: t('scope.wholeProvince', { name: p.fullName }),
            level: 'province',
          });
        }
      }
    } else if (me.unit) {
      top.push({
        value: me.unit.code,
        label: t('scope.wholeProvince', { name: me.unit.name }),
        level: 'province',
      });
    }
    const communeItems: ScopeOption[] = running.map((c) => ({
      value: c.code,
      label: c.fullName,
      level: 'commune',
    }));
    return [
      { group: t('scope.groupWide'), items: top },
      { group: t('scope.groupCommunes'), items: communeItems },
    ];
  }, [isAdmin, isProvince, communes.data, provinces.data, me.unit, t]);

  const requested = params.get('unit');
  const all = options.flatMap((g) => g.items);
  const fallback = isAdmin ? 'all' : (me.unit?.code ?? null);
  let unit: string | null;
  let level: ReportScopeLevel;
  let label: string;
  if (!isAdmin && !isProvince) {
    unit = me.unit?.code ?? null;
    level = 'commune';
    label = me.unit?.name ?? '';
  } else {
    const found = all.find((o) => o.value === requested) ?? all.find((o) => o.value === fallback);
    // Until the lists load, a requested code is used as is (the server checks the scope).
    unit = found?.value ?? requested ?? fallback;
    level =
      found?.level ?? (unit === 'all' ? 'national' : unit && unit.length === 5 ? 'commune' : 'province');
    label = found?.label ?? '';
  }

  const setUnit = useCallback(
    (next: string) =>
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          updated.set('unit', next);
          return updated;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { unit, level, label, options, setUnit };
}
