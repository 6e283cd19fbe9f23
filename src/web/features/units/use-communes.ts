import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints';
import type { Unit } from '../../api/types';
import { useUnitPreference } from './unit-preference';

/** Commune centers running on this installation. */
export function useCommunes() {
  return useQuery({
    queryKey: ['units', 'communes', 'active'],
    queryFn: ({ signal }) => api.activeCommunes(signal),
    staleTime: 10 * 60_000,
  });
}

export interface SelectedUnit {
  code: string | null;
  unit: Unit | undefined;
  isLoading: boolean;
  selectUnit: (code: string | null) => void;
}

/** The commune the page is about: `?unit=` in the URL wins over the remembered choice. */
export function useSelectedUnit(): SelectedUnit {
  const [params, setParams] = useSearchParams();
  const { storedUnit, rememberUnit } = useUnitPreference();
  const communes = useCommunes();
  const code = params.get('unit') || storedUnit;
  const unit = communes.data?.find((candidate) => candidate.code === code);

  const selectUnit = useCallback(
    (next: string | null) => {
      rememberUnit(next);
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next) updated.set('unit', next);
          else updated.delete('unit');
          return updated;
        },
        { replace: true },
      );
    },
    [rememberUnit, setParams],
  );

  return { code, unit, isLoading: communes.isLoading, selectUnit };
}
