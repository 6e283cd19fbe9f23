import { lazy } from 'react';
import { Route } from 'react-router';
import type { Me } from '../api/types';
import { RequireUser } from '../features/identity/RequireUser';
import type { NavItem } from './nav-items';

const CounterPage = lazy(() =>
  import('../features/queue/CounterPage').then((m) => ({ default: m.CounterPage })),
);

/** The counter officer's page of the hall's queue (the kiosk and the board are public: the light app). */
export function queueRoutes() {
  return (
    <Route
      path="quay"
      element={
        <RequireUser allow={['reception', 'specialist', 'leader']}>
          <CounterPage />
        </RequireUser>
      }
    />
  );
}

export function queueNav(me: Me | null | undefined): NavItem[] {
  if (!me || !['reception', 'specialist', 'leader'].includes(me.role)) return [];
  return [{ to: '/quay', labelKey: 'queue:nav', testId: 'nav-queue' }];
}
