import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { splitUnitName } from '../../../domain/units/former-units.ts';
import { api } from '../../api/endpoints';

/** The shortest query sent to the server: one letter would match thousands of communes. */
export const MIN_SEARCH_LETTERS = 2;

/** True when a query has enough letters or digits to search by (diacritics and kind words aside). */
export function isSearchable(q: string): boolean {
  return splitUnitName(q).bare.replace(/ /g, '').length >= MIN_SEARCH_LETTERS;
}

/**
 * Communes by current or former name (GET /api/v1/units/search). `q` should already be debounced;
 * the previous answer stays on screen while the next one loads.
 */
export function useUnitSearch(q: string, opts: { active?: boolean; limit?: number; offset?: number } = {}) {
  const query = q.trim();
  return useQuery({
    queryKey: ['units', 'search', query, opts.active ?? null, opts.limit ?? null, opts.offset ?? 0],
    queryFn: ({ signal }) => api.searchUnits(query, opts, signal),
    enabled: isSearchable(query),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
