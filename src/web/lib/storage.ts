// localStorage can throw (private mode, disabled storage); preferences are a convenience, never fatal.

export const STORAGE_KEYS = {
  unit: 'motcua.unit',
  language: 'motcua.language',
} as const;

export function readPreference(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Not remembering a preference is acceptable; the page keeps working with the in-memory value.
  }
}
