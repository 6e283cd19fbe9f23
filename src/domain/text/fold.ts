/**
 * Diacritic-insensitive matching for Vietnamese: citizens often type without tone marks
 * ("chung thuc" must find "Chứng thực"), and đ is a separate letter that Unicode does not decompose.
 */

/** Lowercase, strip diacritics (đ → d), collapse whitespace and trim. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of `query` occurs (folded) in `haystack`; an empty query matches everything. */
export function matchesSearch(haystack: string, query: string): boolean {
  const folded = foldVietnamese(haystack);
  return foldVietnamese(query)
    .split(' ')
    .filter((token) => token !== '')
    .every((token) => folded.includes(token));
}
