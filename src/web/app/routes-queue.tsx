import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireUser } from '../features/identity/RequireUser';

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
