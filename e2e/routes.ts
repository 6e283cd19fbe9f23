/*
 * Every page the accessibility, byte-budget and keyboard checks visit, in one place: a new page is
 * covered by adding one line here.
 *
 * Public routes are what a citizen opens without signing in (issue 14 item 6): each must ship at most
 * PUBLIC_JS_BUDGET_KIB of gzipped JavaScript on first load and pass axe at 360 and 1280 px. `ready`
 * is a test id that is visible once the page has its data. `{dossier}` is replaced by the code of a
 * dossier the spec receives at the counter first.
 */
export interface PublicRoute {
  name: string;
  path: string;
  ready: string;
}

export const PUBLIC_ROUTES: readonly PublicRoute[] = [
  { name: 'home', path: '/', ready: 'home-catalog-link' },
  { name: 'home-of-unit', path: '/?unit=28696', ready: 'header-center-name' },
  { name: 'catalogue', path: '/thu-tuc?unit=28696', ready: 'procedure-row' },
  { name: 'catalogue-search', path: '/thu-tuc?unit=28696&q=khai%20sinh', ready: 'procedure-row' },
  { name: 'procedure', path: '/thu-tuc/1.001193?unit=28696', ready: 'procedure-documents' },
  // Without a commune the server refuses the lookup: the page shows the problem, translated.
  { name: 'procedure-no-unit', path: '/thu-tuc/2.000815', ready: 'procedure-error' },
  { name: 'center', path: '/trung-tam/28693', ready: 'center-former-units' },
  { name: 'tracking', path: '/tra-cuu', ready: 'tracking-code' },
  { name: 'tracking-deep-link', path: '/tra-cuu/{dossier}', ready: 'tracking-code' },
  // Signed out, "Hồ sơ của tôi" invites the citizen to sign in (signed in: e2e/citizen-journey.spec.ts).
  { name: 'my-dossiers', path: '/ho-so-cua-toi', ready: 'citizen-sign-in' },
  { name: 'queue-kiosk', path: '/hang-doi/28693/may-lay-so', ready: 'kiosk-group-general' },
  { name: 'queue-board', path: '/hang-doi/28693/man-hinh', ready: 'board-waiting' },
  // Notices and legal documents (issue 16 item 5): a commune's list, a seeded province notice, two-tier government.
  { name: 'notices', path: '/thong-bao/28693', ready: 'notice-item' },
  { name: 'notice', path: '/thong-bao/82/6f1c2a10-0001-4000-8000-000000000001', ready: 'notice-body' },
  { name: 'two-tier', path: '/chinh-quyen-hai-cap', ready: 'two-tier-finder-link' },
  { name: 'feedback', path: '/phan-anh?unit=28693', ready: 'feedback-form' },
];

/** The gzipped JavaScript a public page may download on its first load (issue 14: ≤ 100 KiB). */
export const PUBLIC_JS_BUDGET_KIB = 100;

/** Staff pages: checked by axe after signing in as `account` (a demo account, E2E_PASSWORD). */
export interface StaffRoute {
  name: string;
  account: string;
  path: string;
  ready: string;
}

/** Staff pages a visitor sees before signing in (staff app, not under the citizens' budget). */
export const SIGNED_OUT_STAFF_ROUTES: readonly PublicRoute[] = [
  { name: 'staff-sign-in', path: '/dang-nhap', ready: 'login-username' },
];

export const STAFF_ROUTES: readonly StaffRoute[] = [
  { name: 'reception', account: 'reception.tan-thoi', path: '/tiep-nhan', ready: 'intake-form' },
  {
    name: 'online-queue',
    account: 'reception.tan-thoi',
    path: '/tiep-nhan/truc-tuyen',
    ready: 'online-queue',
  },
  { name: 'queues', account: 'specialist.tan-thoi', path: '/ho-so', ready: 'queues' },
  { name: 'feedback-desk', account: 'leader.tan-thoi', path: '/xu-ly-phan-anh', ready: 'feedback-desk' },
  { name: 'dossier', account: 'reception.tan-thoi', path: '/ho-so/{dossier}', ready: 'dossier-status' },
  { name: 'reports', account: 'leader.tan-thoi', path: '/bao-cao', ready: 'reports-page' },
  {
    name: 'rating-figures',
    account: 'leader.tan-thoi',
    path: '/bao-cao/hai-long',
    ready: 'rating-figures-page',
  },
  { name: 'staff-register', account: 'leader.tan-thoi', path: '/nhan-su', ready: 'staff-page' },
  { name: 'equipment', account: 'leader.tan-thoi', path: '/thiet-bi', ready: 'equipment-page' },
  { name: 'consultations', account: 'reception.tan-thoi', path: '/tu-van', ready: 'consultations-page' },
  { name: 'province-dashboard', account: 'province.dong-thap', path: '/tinh', ready: 'dashboard-page' },
  { name: 'inspection', account: 'province.dong-thap', path: '/kiem-tra/28696', ready: 'inspection-page' },
  { name: 'notices-admin', account: 'leader.tan-thoi', path: '/dang-thong-bao', ready: 'notices-admin-list' },
];
