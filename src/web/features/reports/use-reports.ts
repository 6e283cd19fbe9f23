import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reportsApi } from '../../api/endpoints';
import type { InspectionInput, ReportGroupBy } from '../../api/types';
import type { PeriodChoice } from './report-period';

// Reports read the same dossier facts the counter writes; a minute of staleness is fine for oversight.
const REPORT_STALE = 60_000;

export function useSettlement(
  unit: string | null | undefined,
  period: PeriodChoice,
  groupBy: ReportGroupBy,
  enabled = true,
) {
  return useQuery({
    queryKey: ['reports', 'settlement', unit, period.from, period.to, groupBy],
    queryFn: ({ signal }) =>
      reportsApi.settlement({ unit: unit as string, from: period.from, to: period.to, groupBy }, signal),
    enabled: Boolean(unit) && enabled,
    placeholderData: keepPreviousData,
    staleTime: REPORT_STALE,
  });
}

export function useStaffingReport(unit: string | null | undefined) {
  return useQuery({
    queryKey: ['reports', 'staffing', unit],
    queryFn: ({ signal }) => reportsApi.staffing(unit as string, signal),
    enabled: Boolean(unit),
    staleTime: REPORT_STALE,
  });
}

export function useConsultationsReport(
  unit: string | null | undefined,
  period: PeriodChoice,
  enabled = true,
) {
  return useQuery({
    queryKey: ['reports', 'consultations', unit, period.from, period.to],
    queryFn: ({ signal }) =>
      reportsApi.consultations({ unit: unit as string, from: period.from, to: period.to }, signal),
    enabled: Boolean(unit) && enabled,
    placeholderData: keepPreviousData,
    staleTime: REPORT_STALE,
  });
}

export function useEquipmentReport(unit: string | null | undefined) {
  return useQuery({
    queryKey: ['reports', 'equipment', unit],
    queryFn: ({ signal }) => reportsApi.equipment(unit as string, signal),
    enabled: Boolean(unit),
    staleTime: REPORT_STALE,
  });
}

export function useDashboard(province: string | null | undefined, period: PeriodChoice, enabled = true) {
  return useQuery({
    queryKey: ['reports', 'dashboard', province, period.from, period.to],
    queryFn: ({ signal }) =>
      reportsApi.dashboard({ province: province ?? undefined, from: period.from, to: period.to }, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: REPORT_STALE,
  });
}

export function useProvinces(enabled = true) {
  return useQuery({
    queryKey: ['units', 'provinces'],
    queryFn: ({ signal }) => reportsApi.provinces(signal),
    enabled,
    staleTime: 60 * 60_000,
  });
}

export function useInspections(unit: string | undefined) {
  return useQuery({
    queryKey: ['inspections', unit],
    queryFn: ({ signal }) => reportsApi.inspections(unit as string, signal),
    enabled: Boolean(unit),
  });
}

export function useCreateInspection(unit: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InspectionInput) => reportsApi.createInspection(unit, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inspections', unit] }),
  });
}

export function useCompleteTask(unit: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => reportsApi.taskDone(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['inspections', unit] });
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
