import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import { isApiProblem } from '../api/client';
import { Loader } from '../components/lite/ui';
import { HomePage } from '../features/units/HomePage';
import { UnitPreferenceProvider } from '../features/units/unit-preference';
import { LiteLayout } from './LiteLayout';
import { isPublicPath } from './public-paths';

// The public pages, each its own chunk; the staff app (Mantine, charts, forms) is never loaded here.
const CatalogPage = lazy(() =>
  import('../features/catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })),
);
const ProcedureDetailPage = lazy(() =>
  import('../features/catalog/ProcedureDetailPage').then((m) => ({ default: m.ProcedureDetailPage })),
);
const CenterPage = lazy(() =>
  import('../features/units/CenterPage').then((m) => ({ default: m.CenterPage })),
);
// The signed-in citizen's own pages: one chunk of their own, fetched only when opened.
const MyDossiersPage = lazy(() =>
  import('../features/citizen/MyDossiersPage').then((m) => ({ default: m.MyDossiersPage })),
);
const MyDossierPage = lazy(() =>
  import('../features/citizen/MyDossierPage').then((m) => ({ default: m.MyDossierPage })),
);
const TrackingPage = lazy(() =>
  import('../features/tracking/TrackingPage').then((m) => ({ default: m.TrackingPage })),
);

const KioskPage = lazy(() => import('../features/queue/KioskPage').then((m) => ({ default: m.KioskPage })));
const BoardPage = lazy(() => import('../features/queue/BoardPage').then((m) => ({ default: m.BoardPage })));
const FollowPage = lazy(() =>
  import('../features/queue/FollowPage').then((m) => ({ default: m.FollowPage })),
);

const NoticesPage = lazy(() =>
  import('../features/notices/NoticesPage').then((m) => ({ default: m.NoticesPage })),
);
const NoticeDetailPage = lazy(() =>
  import('../features/notices/NoticeDetailPage').then((m) => ({ default: m.NoticeDetailPage })),
);
const TwoTierPage = lazy(() =>
  import('../features/notices/TwoTierPage').then((m) => ({ default: m.TwoTierPage })),
);
// Feedback and petitions (phản ánh, kiến nghị): sending one and following it by its code.
const SubmitFeedbackPage = lazy(() =>
  import('../features/feedback/SubmitFeedbackPage').then((m) => ({ default: m.SubmitFeedbackPage })),
);
const FollowFeedbackPage = lazy(() =>
  import('../features/feedback/FollowFeedbackPage').then((m) => ({ default: m.FollowFeedbackPage })),
);

const RatePage = lazy(() => import('../features/ratings/RatePage').then((m) => ({ default: m.RatePage })));

/** Any other path belongs to the staff app: load it with a full page load (the server serves its shell). */
function ToStaffApp() {
  const location = useLocation();
  const { t } = useTranslation();
  const target = location.pathname + location.search + location.hash;
  const isPublic = isPublicPath(location.pathname);
  useEffect(() => {
    if (!isPublic) window.location.assign(target);
  }, [isPublic, target]);
  return <Loader label={t('common.loading')} />;
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx only delays the message the user needs to see.
        retry: (failureCount, error) =>
          failureCount < 2 && !(isApiProblem(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
}

export function LiteApp() {
  const [queryClient] = useState(createQueryClient);
  const { t } = useTranslation();
  return (
    <BrowserRouter>
      <QueryClientProvider client={queryClient}>
        <UnitPreferenceProvider>
          <Routes>
            {/* The hall's kiosk and TV board fill the screen: no site header or footer. */}
            <Route
              path="hang-doi/:unit/may-lay-so"
              element={
                <Suspense fallback={<Loader label={t('common.loading')} />}>
                  <KioskPage />
                </Suspense>
              }
            />
            <Route
              path="hang-doi/:unit/man-hinh"
              element={
                <Suspense fallback={<Loader label={t('common.loading')} />}>
                  <BoardPage />
                </Suspense>
              }
            />
            {/* The counter's tablet (or the citizen's phone) rating a visit: full screen too. */}
            <Route
              path="danh-gia/:token"
              element={
                <Suspense fallback={<Loader label={t('common.loading')} />}>
                  <RatePage />
                </Suspense>
              }
            />
            <Route
              path="*"
              element={
                <LiteLayout>
                  <Suspense fallback={<Loader label={t('common.loading')} />}>
                    <Routes>
                      <Route index element={<HomePage />} />
                      <Route path="thu-tuc" element={<CatalogPage />} />
                      <Route path="thu-tuc/:code" element={<ProcedureDetailPage />} />
                      <Route path="trung-tam/:code" element={<CenterPage />} />
                      <Route path="tra-cuu/:code?" element={<TrackingPage />} />
                      <Route path="ho-so-cua-toi" element={<MyDossiersPage />} />
                      <Route path="ho-so-cua-toi/:code" element={<MyDossierPage />} />
                      <Route path="hang-doi/:unit/:ticket" element={<FollowPage />} />
                      <Route path="thong-bao/:unit" element={<NoticesPage />} />
                      <Route path="thong-bao/:unit/:id" element={<NoticeDetailPage />} />
                      <Route path="chinh-quyen-hai-cap" element={<TwoTierPage />} />
                      <Route path="phan-anh" element={<SubmitFeedbackPage />} />
                      <Route path="phan-anh/:code" element={<FollowFeedbackPage />} />
                      <Route path="*" element={<ToStaffApp />} />
                    </Routes>
                  </Suspense>
                </LiteLayout>
              }
            />
          </Routes>
        </UnitPreferenceProvider>
      </QueryClientProvider>
    </BrowserRouter>
  );
}
