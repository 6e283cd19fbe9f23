import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireUser } from '../features/identity/RequireUser';
import { HomePage } from '../features/units/HomePage';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { feedbackRoutes } from './routes-feedback';
import { guidesRoutes } from './routes-guides';
import { noticesRoutes } from './routes-notices';
import { operationsRoutes } from './routes-operations';
import { queueRoutes } from './routes-queue';
import { reportsRoutes } from './routes-reports';
import { workflowRoutes } from './routes-workflow';

// Citizens mostly land on Home, the catalogue or tracking; staff screens load on demand.
const CatalogPage = lazy(() =>
  import('../features/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })),
);
const ProcedureDetailPage = lazy(() =>
  import('../features/catalog/ProcedureDetailPage').then((m) => ({ default: m.ProcedureDetailPage })),
);
const CenterPage = lazy(() =>
  import('../features/units/CenterPage').then((m) => ({ default: m.CenterPage })),
);
// The online filing wizard (and the shared form validator it runs) loads only when a citizen starts filing.
const WizardPage = lazy(() =>
  import('../features/forms/WizardPage').then((m) => ({ default: m.WizardPage })),
);
const TrackingPage = lazy(() =>
  import('../features/tracking/TrackingPage').then((m) => ({ default: m.TrackingPage })),
);
const LoginPage = lazy(() =>
  import('../features/identity/LoginPage').then((m) => ({ default: m.LoginPage })),
);
const PartnersPage = lazy(() =>
  import('../features/partners/PartnersPage').then((m) => ({ default: m.PartnersPage })),
);
const ReceptionPage = lazy(() =>
  import('../features/dossiers/ReceptionPage').then((m) => ({ default: m.ReceptionPage })),
);
// Reception's queue of dossiers citizens filed online (issue 14 item 4).
const OnlineQueuePage = lazy(() =>
  import('../features/online/OnlineQueuePage').then((m) => ({ default: m.OnlineQueuePage })),
);

/** URL paths are Vietnamese, as citizens read them on slips and posters. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="thu-tuc" element={<CatalogPage />} />
        <Route path="thu-tuc/:code" element={<ProcedureDetailPage />} />
        <Route path="thu-tuc/:code/nop-truc-tuyen" element={<WizardPage />} />
        <Route path="tra-cuu/:code?" element={<TrackingPage />} />
        <Route path="trung-tam/:code" element={<CenterPage />} />
        <Route path="dang-nhap" element={<LoginPage />} />
        <Route
          path="tiep-nhan"
          element={
            <RequireUser allow={['reception']}>
              <ReceptionPage />
            </RequireUser>
          }
        />
        <Route
          path="doi-tac"
          element={
            <RequireUser allow={['admin']} forbiddenKey="partners:forbidden">
              {(me) => <PartnersPage me={me} />}
            </RequireUser>
          }
        />
        {['tiep-nhan/truc-tuyen', 'tiep-nhan/truc-tuyen/:code'].map((path) => (
          <Route
            key={path}
            path={path}
            element={<RequireUser allow={['reception']}>{(me) => <OnlineQueuePage me={me} />}</RequireUser>}
          />
        ))}
        <Route
          path="tiep-nhan/nop-giup/:code"
          element={
            <RequireUser allow={['reception']}>
              {(me) => <WizardPage assistedUnit={me.unit?.code ?? ''} />}
            </RequireUser>
          }
        />
        {workflowRoutes()}
        {reportsRoutes()}
        {operationsRoutes()}
        {guidesRoutes()}
        {noticesRoutes()}
        {queueRoutes()}
        {feedbackRoutes()}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
