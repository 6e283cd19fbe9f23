/*
 * Practice mode in the browser: while it is on (for this tab), the staff app's own API calls go to the
 * training center (`/api/v1/practice/api/v1/...`), which answers them from the practice database.
 * Signing in and out, and the training center's own routes, always go to the real server.
 */
const KEY = 'motcua.practice';
export const PRACTICE_API = '/api/v1/practice/api';

export function isPracticeMode(): boolean {
  try {
    return typeof sessionStorage !== 'undefined' && sessionStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

/** Turns practice mode on or off and reloads the app at `to`, so nothing cached crosses between the two. */
export function setPracticeMode(on: boolean, to: string) {
  try {
    if (on) sessionStorage.setItem(KEY, '1');
    else sessionStorage.removeItem(KEY);
  } catch {
    // Without storage there is no practice mode; the real screens stay real.
  }
  window.location.assign(to);
}

/** The path an API call takes: into the training center while practising. */
export function practicePath(path: string, practising = isPracticeMode()): string {
  if (!practising || !path.startsWith('/api/v1/')) return path;
  if (path.startsWith('/api/v1/practice/') || path === '/api/v1/training-register') return path;
  if (path.startsWith('/api/v1/auth/') && path !== '/api/v1/auth/me') return path;
  return `${PRACTICE_API}${path.slice('/api'.length)}`;
}
