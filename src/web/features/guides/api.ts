import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';

export interface IntakeGuideBody {
  checks: string[];
  mistakes: string[];
  copies: string[];
  refusals: string[];
  notes?: string;
}
export interface StepGuideBody {
  todo: string[];
  deadline: string;
  who: string;
}
interface VersionMeta {
  version: number;
  editedBy: string | null;
  createdAt: string;
}
export interface IntakeGuide extends VersionMeta {
  procedureCode: string;
  procedureName: string;
  body: IntakeGuideBody;
}
export interface StepGuide extends VersionMeta {
  key: string;
  body: StepGuideBody;
}
export interface GuideVersions {
  kind: 'intake' | 'step';
  subject: string;
  versions: Array<VersionMeta & { body: Record<string, unknown> }>;
}
export interface GuideList {
  intake: Array<{ procedureCode: string; procedureName: string; version: number; createdAt: string }>;
  steps: StepGuide[];
}
export interface Exercise {
  id: 'receive' | 'supplement' | 'refuse' | 'return';
  title: string;
  procedureCode: string;
  steps: string[];
  checks: Array<{ key: string; label: string }>;
  completedAt: string | null;
  startedAt: string | null;
  dossierCode: string | null;
}
export interface CheckResult {
  exercise: string;
  passed: boolean;
  checks: Array<{ key: string; label: string; ok: boolean }>;
  completedAt: string | null;
}
export interface RegisterEntry {
  unitCode: string;
  username: string;
  fullName: string;
  role: string;
  exercise: string;
  exerciseTitle: string;
  startedAt: string;
  completedAt: string;
  passed: boolean;
}

const V1 = '/api/v1';

export function useIntakeGuide(code: string | null | undefined) {
  return useQuery({
    queryKey: ['guide', 'intake', code],
    queryFn: ({ signal }) =>
      apiRequest<IntakeGuide>(`${V1}/guides/intake/${encodeURIComponent(code ?? '')}`, { signal }),
    enabled: Boolean(code),
    staleTime: 60_000,
    retry: false,
  });
}

export function useStepGuides() {
  return useQuery({
    queryKey: ['guide', 'steps'],
    queryFn: ({ signal }) => apiRequest<StepGuide[]>(`${V1}/guides/steps`, { signal }),
    staleTime: 60_000,
  });
}

export function useGuideList() {
  return useQuery({
    queryKey: ['guide', 'list'],
    queryFn: ({ signal }) => apiRequest<GuideList>(`${V1}/guides`, { signal }),
  });
}

export function useGuideVersions(kind: 'intake' | 'step', subject: string | null) {
  return useQuery({
    queryKey: ['guide', 'versions', kind, subject],
    queryFn: ({ signal }) =>
      apiRequest<GuideVersions>(
        `${V1}/guides/${kind === 'intake' ? 'intake' : 'steps'}/${encodeURIComponent(subject ?? '')}/versions`,
        { signal },
      ),
    enabled: Boolean(subject),
  });
}

export function useSaveGuide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: 'intake' | 'step'; subject: string; baseVersion: number; body: unknown }) =>
      apiRequest<{ version: number }>(
        `${V1}/guides/${v.kind === 'intake' ? 'intake' : 'steps'}/${encodeURIComponent(v.subject)}`,
        { method: 'PUT', body: { baseVersion: v.baseVersion, body: v.body } },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['guide'] }),
  });
}

export function useExercises() {
  return useQuery({
    queryKey: ['practice', 'exercises'],
    queryFn: ({ signal }) => apiRequest<Exercise[]>(`${V1}/practice/exercises`, { signal }),
  });
}

export function useExerciseAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: 'start' | 'check' }) =>
      apiRequest<CheckResult | { dossierCode: string | null }>(
        `${V1}/practice/exercises/${v.id}/${v.action}`,
        {
          method: 'POST',
        },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['practice'] }),
  });
}

export function useTrainingRegister() {
  return useQuery({
    queryKey: ['practice', 'register'],
    queryFn: ({ signal }) => apiRequest<RegisterEntry[]>(`${V1}/training-register`, { signal }),
  });
}
