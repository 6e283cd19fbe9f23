import { lazy } from 'react';
import { Route } from 'react-router';
import { RequireUser } from '../features/identity/RequireUser';

const CounterPage = lazy(() =>
  import('../features/queue/CounterPage').then((m) => ({ default: m.CounterPage })),
);
const CountersConfigPage = lazy(() =>
  import('../features/queue/CountersConfigPage').then((m) => ({ default: m.CountersConfigPage })),
);
const QueueReportPage = lazy(() =>
  import('../features/queue/QueueReportPage').then((m) => ({ default: m.QueueReportPage })),
);

/**
 * The counter officer's page of the hall's queue, the counters' configuration (the center's leader,
 * province, administrator) and the hall's report (the kiosk and the board are public: the light app).
 */
export function queueRoutes() {
  return (
    <>
      <Route
        path="quay"
        element={
          <RequireUser allow={['reception', 'specialist', 'leader']}>
            <CounterPage />
          </RequireUser>
        }
      />
      <Route
        path="quay/cau-hinh"
        element={
          <RequireUser allow={['leader', 'province', 'admin']}>
            <CountersConfigPage />
          </RequireUser>
        }
      />
      <Route
        path="quay/bao-cao"
        element={
          <RequireUser allow={['reception', 'specialist', 'leader', 'province', 'admin']}>
            <QueueReportPage />
          </RequireUser>
        }
      />
    </>
  );
}
