import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProcedures } from '../catalog/use-procedures';
import { useCommunes } from '../units/use-communes';

/** Locale of number formatting for an interface language ('vi' writes 66,67). */
function numberLocale(language: string): string {
  return language === 'en' ? 'en-US' : language === 'ru' ? 'ru-RU' : 'vi-VN';
}

/** A percentage with up to two decimals, or N/A when the denominator was zero. */
export function formatPercent(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return 'N/A';
  return `${new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits: 2 }).format(value)}%`;
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(numberLocale(language)).format(value);
}

/** A ratio "a / b" as a percentage, or null when b is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator ? Math.round((numerator * 10_000) / denominator) / 100 : null;
}

export function useNumberFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      percent: (value: number | null | undefined) => formatPercent(value, language),
      count: (value: number) => formatCount(value, language),
      decimal: (value: number) =>
        new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits: 2 }).format(value),
    }),
    [language],
  );
}

/**
 * Names of procedure fields (lĩnh vực) by code, from a commune's public catalogue. Fields are national,
 * so for a province or the whole country any running commune's catalogue names them.
 */
export function useFieldNames(unit: string | null | undefined): Map<string, string> {
  const communes = useCommunes();
  const catalogueUnit = unit && /^\d{5}$/.test(unit) ? unit : (communes.data?.[0]?.code ?? null);
  const procedures = useProcedures(catalogueUnit, '');
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const p of procedures.data ?? []) names.set(p.field.code, p.field.name);
    return names;
  }, [procedures.data]);
}
