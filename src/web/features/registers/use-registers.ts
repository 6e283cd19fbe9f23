import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { registersApi } from '../../api/endpoints';
import type { ConsultationInput, EquipmentInput, StaffInput, TrainingInput } from '../../api/types';

export function useStaffRegister(unit: string | null) {
  return useQuery({
    queryKey: ['registers', 'staff', unit],
    queryFn: ({ signal }) => registersApi.staff(unit ?? undefined, signal),
    enabled: Boolean(unit),
  });
}

export function useImportStaff(unit: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dataBase64: string) => registersApi.importStaff(unit ?? undefined, dataBase64),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['registers', 'staff', unit] });
      await queryClient.invalidateQueries({ queryKey: ['reports', 'staffing'] });
    },
  });
}

export function useEquipmentRegister(unit: string | null) {
  return useQuery({
    queryKey: ['registers', 'equipment', unit],
    queryFn: ({ signal }) => registersApi.equipment(unit ?? undefined, signal),
    enabled: Boolean(unit),
  });
}

export function useAddEquipment(unit: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EquipmentInput) => registersApi.addEquipment(unit ?? undefined, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['registers', 'equipment', unit] });
      await queryClient.invalidateQueries({ queryKey: ['reports', 'equipment'] });
    },
  });
}

export function useConsultationLog(unit: string | null, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: ['registers', 'consultations', unit, from, to],
    queryFn: ({ signal }) => registersApi.consultations({ unit: unit ?? undefined, from, to }, signal),
    enabled: Boolean(unit) && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAddConsultation(unit: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsultationInput) => registersApi.addConsultation(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['registers', 'consultations', unit] });
      await queryClient.invalidateQueries({ queryKey: ['reports', 'consultations'] });
    },
  });
}

export function useAddStaff(unit: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffInput) => registersApi.addStaff(unit ?? undefined, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['registers', 'staff', unit] });
      await queryClient.invalidateQueries({ queryKey: ['reports', 'staffing'] });
    },
  });
}

export function useTrainings(unit: string | null, staffId: string | null) {
  return useQuery({
    queryKey: ['registers', 'trainings', unit, staffId],
    queryFn: ({ signal }) => registersApi.trainings(unit ?? undefined, staffId ?? undefined, signal),
    enabled: Boolean(unit) && Boolean(staffId),
  });
}

export function useAddTraining(unit: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TrainingInput) => registersApi.addTraining(unit ?? undefined, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['registers', 'trainings', unit] });
      await queryClient.invalidateQueries({ queryKey: ['registers', 'staff', unit] });
      await queryClient.invalidateQueries({ queryKey: ['reports', 'staffing'] });
    },
  });
}
