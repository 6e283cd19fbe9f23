import { Center, Loader, Select } from '@mantine/core';
import { type ReactNode, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCommunes } from '../units/use-communes';
import { useProvinces } from './use-reports';

/**
 * The province an administrator looks at on the province-wide pages (dashboard, operations): the
 * provinces that run centers here, and the one chosen in `?province=` (the first by default). For
 * anyone else there is nothing to choose (`chosen` is null).
 */
export function useProvinceChoice(isAdmin: boolean) {
  const [params, setParams] = useSearchParams();
  const provinces = useProvinces(isAdmin);
  const communes = useCommunes();
  const options = useMemo(() => {
    if (!isAdmin) return [];
    const running = new Set((communes.data ?? []).map((c) => c.parentCode));
    return (provinces.data ?? [])
      .filter((p) => running.has(p.code))
      .map((p) => ({ value: p.code, label: p.fullName }));
  }, [isAdmin, provinces.data, communes.data]);
  const chosen = isAdmin ? (params.get('province') ?? options[0]?.value ?? null) : null;
  const choose = (value: string) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        updated.set('province', value);
        return updated;
      },
      { replace: true },
    );
  return { options, chosen, choose };
}

/** The administrator's province picker, bound to `?province=`. */
export function ProvinceSelect({
  label,
  choice,
  testId,
}: {
  label: string;
  choice: ReturnType<typeof useProvinceChoice>;
  testId: string;
}) {
  return (
    <Select
      label={label}
      data={choice.options}
      value={choice.chosen}
      onChange={(value) => value && choice.choose(value)}
      searchable
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

/** A chart loaded on demand (ECharts is the heaviest dependency), with a loader while it comes. */
export function LazyChart({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}
