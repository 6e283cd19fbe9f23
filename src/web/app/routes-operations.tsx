import { lazy } from 'react';
import { Route } from 'react-router';
import type { Me } from '../api/types';
import type { NavItem } from './nav-items';

const OperationsPage = lazy(() =>
  import('../features/operations/OperationsPage').then((m) => ({ default: m.OperationsPage })),
);

const UnmatchedInboundPage = lazy(() =>
  import('../features/operations/UnmatchedInboundPage').then((m) => ({ default: m.UnmatchedInboundPage })),
);

/** The portal's online dossiers a commune could not take by themselves (map or refuse them). */
export const UNMATCHED_PATH = '/van-hanh/ho-so-chua-khop';

/**
 * The operations page (links to other systems, measured; every staff role sees its own scope) and
 * the commune's unmatched portal dossiers (its reception and leaders act on them).
 */
export function operationsRoutes() {
  return (
    <>
      <Route path="van-hanh" element={<OperationsPage />} />
      <Route path={UNMATCHED_PATH.slice(1)} element={<UnmatchedInboundPage />} />
    </>
  );
}

export function operationsNav(me: Me | null | undefined): NavItem[] {
  if (!me) return [];
  const items: NavItem[] = [{ to: '/van-hanh', labelKey: 'operations:nav', testId: 'nav-operations' }];
  if ((me.role === 'reception' || me.role === 'leader') && me.unit?.level === 'commune')
    items.push({ to: UNMATCHED_PATH, labelKey: 'operations:unmatched.nav', testId: 'nav-unmatched' });
  return items;
}
