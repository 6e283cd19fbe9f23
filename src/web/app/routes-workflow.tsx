import { lazy } from 'react';
import { Route } from 'react-router';
import type { Me } from '../api/types';
import { RequireUser } from '../features/identity/RequireUser';
import { isCommuneStaff } from '../features/workflow/workflow-model';
import type { NavItem } from './nav-items';

const QueuesPage = lazy(() =>
  import('../features/workflow/QueuesPage').then((m) => ({ default: m.QueuesPage })),
);
const DossierPage = lazy(() =>
  import('../features/workflow/DossierPage').then((m) => ({ default: m.DossierPage })),
);
const TrackingBookPage = lazy(() =>
  import('../features/workflow/TrackingBookPage').then((m) => ({ default: m.TrackingBookPage })),
);

const CertificationRegisterPage = lazy(() =>
  import('../features/workflow/CertificationRegisterPage').then((m) => ({
    default: m.CertificationRegisterPage,
  })),
);

const hasCommuneDesk = (me: Me) => isCommuneStaff(me.role) && me.unit !== null;
// Province officers and administrators may read a dossier in their scope; the server decides which.
const isStaff = (_me: Me) => true;

/**
 * Routes of the workflow area (mounted inside the app layout): work queues, the dossier page and the
 * commune's tracking book.
 */
export function workflowRoutes() {
  return (
    <>
      <Route
        path="ho-so"
        element={
          <RequireUser allow={hasCommuneDesk} forbiddenKey="workflow:forbiddenBody">
            {(me) => (isCommuneStaff(me.role) ? <QueuesPage me={{ ...me, role: me.role }} /> : null)}
          </RequireUser>
        }
      />
      <Route
        path="ho-so/:code"
        element={
          <RequireUser allow={isStaff} forbiddenKey="workflow:forbiddenBody">
            {(me) => <DossierPage me={me} />}
          </RequireUser>
        }
      />
      <Route
        path="so-theo-doi"
        element={
          <RequireUser allow={hasCommuneDesk} forbiddenKey="workflow:forbiddenBody">
            {(me) => <TrackingBookPage me={me} />}
          </RequireUser>
        }
      />
      <Route
        path="so-chung-thuc"
        element={
          <RequireUser allow={hasCommuneDesk} forbiddenKey="workflow:forbiddenBody">
            {(me) => <CertificationRegisterPage me={me} />}
          </RequireUser>
        }
      />
    </>
  );
}

/** Navigation entries of the workflow area for the signed-in user. */
export function workflowNav(me: Me | null | undefined): NavItem[] {
  if (!me || !hasCommuneDesk(me)) return [];
  return [
    { to: '/ho-so', labelKey: 'workflow:nav.queues', testId: 'nav-queues' },
    { to: '/so-theo-doi', labelKey: 'workflow:nav.trackingBook', testId: 'nav-tracking-book' },
    // The certification registers are kept at the commune desk (reception, specialist, leader).
    { to: '/so-chung-thuc', labelKey: 'results:register.nav', testId: 'nav-certification-register' },
  ];
}
