import { lazy } from 'react';
import { Route } from 'react-router';
import type { Me } from '../api/types';
import type { NavItem } from './nav-items';

const OperationsPage = lazy(() =>
  import('../features/operations/OperationsPage').then((m) => ({ default: m.OperationsPage })),
);

/** The operations page (links to other systems, measured); every staff role sees its own scope. */
export function operationsRoutes() {
  return <Route path="van-hanh" element={<OperationsPage />} />;
}

export function operationsNav(me: Me | null | undefined): NavItem[] {
  if (!me) return [];
  return [{ to: '/van-hanh', labelKey: 'operations:nav', testId: 'nav-operations' }];
}
