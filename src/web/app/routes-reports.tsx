import { lazy } from 'react';
import { Route } from 'react-router';
import type { Me } from '../api/types';
import { RequireUser } from '../features/identity/RequireUser';
import type { NavItem } from './nav-items';

// Each page loads on demand; the dashboard's chunk brings ECharts only when its charts draw.
const ReportsPage = lazy(() =>
  import('../features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })),
);
const ProvinceDashboardPage = lazy(() =>
  import('../features/reports/ProvinceDashboardPage').then((m) => ({ default: m.ProvinceDashboardPage })),
);
const InspectionPage = lazy(() =>
  import('../features/reports/InspectionPage').then((m) => ({ default: m.InspectionPage })),
);
const StaffPage = lazy(() =>
  import('../features/registers/StaffPage').then((m) => ({ default: m.StaffPage })),
);
const EquipmentPage = lazy(() =>
  import('../features/registers/EquipmentPage').then((m) => ({ default: m.EquipmentPage })),
);
const AuditPage = lazy(() => import('../features/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const RatingFiguresPage = lazy(() =>
  import('../features/ratings/FiguresPage').then((m) => ({ default: m.FiguresPage })),
);
const ConsultationsPage = lazy(() =>
  import('../features/registers/ConsultationsPage').then((m) => ({ default: m.ConsultationsPage })),
);

/** Routes of the reports area (mounted inside the app layout). Paths are Vietnamese like the rest. */
export function reportsRoutes() {
  return (
    <>
      <Route path="bao-cao" element={<ReportsPage />} />
      <Route
        path="bao-cao/hai-long"
        element={
          <RequireUser allow={['leader', 'province', 'admin', 'reception', 'specialist']}>
            <RatingFiguresPage />
          </RequireUser>
        }
      />
      <Route path="tinh" element={<ProvinceDashboardPage />} />
      <Route path="kiem-tra/:unit" element={<InspectionPage />} />
      <Route path="nhan-su" element={<StaffPage />} />
      <Route path="thiet-bi" element={<EquipmentPage />} />
      <Route path="tu-van" element={<ConsultationsPage />} />
      <Route path="nhat-ky" element={<AuditPage />} />
    </>
  );
}

/**
 * Navigation entries of the reports area for the signed-in user. Few on purpose: the registers share
 * one entry (their pages link to each other), and the inspection view is reached from the dashboard.
 */
export function reportsNav(me: Me | null | undefined): NavItem[] {
  if (!me) return [];
  const items: NavItem[] = [];
  if (me.role === 'province' || me.role === 'admin') {
    items.push({ to: '/tinh', labelKey: 'reports:nav.dashboard', testId: 'nav-dashboard' });
  }
  items.push({ to: '/bao-cao', labelKey: 'reports:nav.reports', testId: 'nav-reports', end: true });
  // Citizens' satisfaction (issue 16 item 3): the leader sees every officer, an officer their own line.
  items.push({ to: '/bao-cao/hai-long', labelKey: 'reports:nav.ratings', testId: 'nav-ratings' });
  if (me.role === 'leader' || me.role === 'admin') {
    items.push({ to: '/nhan-su', labelKey: 'reports:nav.registers', testId: 'nav-registers' });
  } else if (me.role === 'reception' || me.role === 'specialist') {
    items.push({ to: '/tu-van', labelKey: 'reports:nav.consultations', testId: 'nav-consultations' });
  }
  if (me.role === 'admin') items.push({ to: '/nhat-ky', labelKey: 'audit:nav', testId: 'nav-audit' });
  return items;
}
