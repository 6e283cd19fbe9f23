/*
 * The pages a citizen opens without signing in. The server answers these paths with the light shell
 * (lite.html: Preact, no Mantine, ≤ 100 KiB of gzipped JavaScript — issue 14 item 6) and every other
 * path with the staff app (index.html). One list, read by the server (src/server/http/web-app.ts),
 * the light app's router (src/web/lite/LiteApp.tsx) and the checks in e2e/routes.ts.
 */
export const PUBLIC_PATH_PATTERNS: readonly RegExp[] = [
  /^\/$/, // home, with ?unit= for a commune's own page
  /^\/thu-tuc\/?$/, // catalogue
  /^\/thu-tuc\/[^/]+\/?$/, // one procedure
  /^\/trung-tam\/[^/]+\/?$/, // a commune center: the former units it serves (former-units finder)
  /^\/tra-cuu(?:\/[^/]+)?\/?$/, // tracking, with the dossier code from the slip's QR code
  /^\/ho-so-cua-toi(?:\/[^/]+)?\/?$/, // a signed-in citizen's own dossiers (sign-in invited otherwise)
  /^\/hang-doi\/\d{5}\/[^/]+\/?$/, // the hall's queue: kiosk (may-lay-so), board (man-hinh), a ticket followed
  /^\/thong-bao\/(?:\d{2}|\d{5})(?:\/[0-9a-f-]{36})?\/?$/, // a commune's (or province's) notices, one notice (issue 16)
  /^\/chinh-quyen-hai-cap\/?$/, // two-tier local government explained (issue 16)
  /^\/danh-gia\/[A-Za-z0-9_-]{20,100}\/?$/, // rating a visit: the counter's tablet, a slip's QR (issue 16)
  /^\/phan-anh(?:\/[^/]+)?\/?$/, // feedback and petitions: sending one, following it by its code (issue 18)
];

/** True when `pathname` (no query) is one of the public pages served by the light shell. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATH_PATTERNS.some((pattern) => pattern.test(pathname));
}
