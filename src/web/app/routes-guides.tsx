import { lazy } from 'react';
import { Route } from 'react-router';
import type { Me } from '../api/types';
import { RequireUser } from '../features/identity/RequireUser';
import type { NavItem } from './nav-items';

const GuidesAdminPage = lazy(() =>
  import('../features/guides/GuidesAdminPage').then((m) => ({ default: m.GuidesAdminPage })),
);
const PracticePage = lazy(() =>
  import('../features/guides/PracticePage').then((m) => ({ default: m.PracticePage })),
);
const TrainingRegisterPage = lazy(() =>
  import('../features/guides/TrainingRegisterPage').then((m) => ({ default: m.TrainingRegisterPage })),
);

const editsGuides = (me: Me) => me.role === 'province' || me.role === 'admin';
const readsRegister = (me: Me) => me.role === 'province' || me.role === 'admin' || me.role === 'leader';
const anyStaff = (_me: Me) => true;

/** Guides (edited by the province), the training center and its register. */
export function guidesRoutes() {
  return (
    <>
      <Route
        path="huong-dan"
        element={
          <RequireUser allow={editsGuides}>
            <GuidesAdminPage />
          </RequireUser>
        }
      />
      <Route
        path="luyen-tap"
        element={
          <RequireUser allow={anyStaff}>
            <PracticePage />
          </RequireUser>
        }
      />
      <Route
        path="so-luyen-tap"
        element={
          <RequireUser allow={readsRegister}>
            <TrainingRegisterPage />
          </RequireUser>
        }
      />
    </>
  );
}

export function guidesNav(me: Me | null | undefined): NavItem[] {
  if (!me) return [];
  const items: NavItem[] = [{ to: '/luyen-tap', labelKey: 'guides:nav.practice', testId: 'nav-practice' }];
  if (editsGuides(me)) items.push({ to: '/huong-dan', labelKey: 'guides:nav.guides', testId: 'nav-guides' });
  if (readsRegister(me))
    items.push({ to: '/so-luyen-tap', labelKey: 'guides:nav.register', testId: 'nav-training-register' });
  return items;
}
