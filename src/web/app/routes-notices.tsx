import { lazy } from 'react';
import { Route } from 'react-router';
import type { Me } from '../api/types';
import { RequireUser } from '../features/identity/RequireUser';
import type { NavItem } from './nav-items';

const NoticesAdminPage = lazy(() =>
  import('../features/notices/NoticesAdminPage').then((m) => ({ default: m.NoticesAdminPage })),
);
// The public pages (served by the light app on a first load) are routed here too, for links inside the staff app.
const NoticesPage = lazy(() =>
  import('../features/notices/NoticesPage').then((m) => ({ default: m.NoticesPage })),
);
const NoticeDetailPage = lazy(() =>
  import('../features/notices/NoticeDetailPage').then((m) => ({ default: m.NoticeDetailPage })),
);
const TwoTierPage = lazy(() =>
  import('../features/notices/TwoTierPage').then((m) => ({ default: m.TwoTierPage })),
);

/** Who publishes notices (src/server/modules/notices/policy.ts): the commune leader, the province officer, the administrator. */
const publishes = (me: Me) => me.role === 'leader' || me.role === 'province' || me.role === 'admin';

export function noticesRoutes() {
  return (
    <>
      <Route path="thong-bao/:unit" element={<NoticesPage />} />
      <Route path="thong-bao/:unit/:id" element={<NoticeDetailPage />} />
      <Route path="chinh-quyen-hai-cap" element={<TwoTierPage />} />
      <Route
        path="dang-thong-bao"
        element={<RequireUser allow={publishes}>{(me) => <NoticesAdminPage me={me} />}</RequireUser>}
      />
    </>
  );
}

export function noticesNav(me: Me | null | undefined): NavItem[] {
  if (!me || !publishes(me)) return [];
  return [{ to: '/dang-thong-bao', labelKey: 'nav.notices', testId: 'nav-notices' }];
}
