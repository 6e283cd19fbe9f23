import type { AuthUser, Scope } from '../identity/types.ts';
import { scopeCovers } from '../identity/types.ts';

/** What a report is about: every commune of the country, one province, or one commune. */
export type ReportTarget =
  | { level: 'national' }
  | { level: 'province'; code: string }
  | { level: 'commune'; code: string; provinceCode: string };

/**
 * Who may read the reports of a unit: an administrator everything (the national total only they);
 * a province officer their province and its communes; a commune's officers (reception, specialist,
 * leader) their own commune only.
 */
export function mayReadReport(scope: Scope, target: ReportTarget): boolean {
  if (target.level === 'national') return scope.kind === 'all';
  if (target.level === 'commune') return scopeCovers(scope, target.code, target.provinceCode);
  return scope.kind === 'all' || (scope.kind === 'province' && scope.provinceCode === target.code);
}

/** The unit a report is about when the request names none: the user's commune, province, or all. */
export function defaultReportUnit(user: AuthUser): string {
  if (user.scope.kind === 'unit') return user.scope.unitCode;
  if (user.scope.kind === 'province') return user.scope.provinceCode;
  return 'all';
}

/**
 * The unit the province dashboard shows: a commune's officers see their own commune; otherwise the
 * province asked for, else the user's province, else the configured default province.
 */
export function dashboardUnit(user: AuthUser, province: string | undefined, defaultProvince: string): string {
  if (user.scope.kind === 'unit') return user.scope.unitCode;
  return province ?? (user.scope.kind === 'province' ? user.scope.provinceCode : defaultProvince);
}
