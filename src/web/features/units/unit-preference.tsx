import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { readPreference, STORAGE_KEYS, writePreference } from '../../lib/storage';

interface UnitPreference {
  storedUnit: string | null;
  rememberUnit: (code: string | null) => void;
}

const UnitPreferenceContext = createContext<UnitPreference | null>(null);

/** Holds the commune center the visitor chose, remembered in localStorage across visits. */
export function UnitPreferenceProvider({ children }: { children: ReactNode }) {
  const [storedUnit, setStoredUnit] = useState<string | null>(() => readPreference(STORAGE_KEYS.unit));
  const rememberUnit = useCallback((code: string | null) => {
    writePreference(STORAGE_KEYS.unit, code);
    setStoredUnit(code);
  }, []);
  const value = useMemo(() => ({ storedUnit, rememberUnit }), [storedUnit, rememberUnit]);
  return <UnitPreferenceContext.Provider value={value}>{children}</UnitPreferenceContext.Provider>;
}

export function useUnitPreference(): UnitPreference {
  const value = useContext(UnitPreferenceContext);
  if (!value) throw new Error('useUnitPreference needs UnitPreferenceProvider');
  return value;
}
