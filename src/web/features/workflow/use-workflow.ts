import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import type { ActionRequest, QueueName, StepRole } from '../../api/types';

export const workflowKeys = {
  dossier: (code: string) => ['dossiers', 'detail', code] as const,
  actions: (code: string) => ['dossiers', 'detail', code, 'actions'] as const,
  timeline: (code: string) => ['dossiers', 'detail', code, 'timeline'] as const,
  due: (code: string) => ['dossiers', 'detail', code, 'due'] as const,
  queue: (queue: QueueName) => ['queues', queue] as const,
  tasks: ['tasks', 'mine'] as const,
};

export function useDossier(code: string) {
  return useQuery({
    queryKey: workflowKeys.dossier(code),
    queryFn: ({ signal }) => api.dossier(code, signal),
  });
}

export function useDossierActions(code: string, enabled: boolean) {
  return useQuery({
    queryKey: workflowKeys.actions(code),
    queryFn: ({ signal }) => api.dossierActions(code, signal),
    enabled,
    // The version sent back with an action must be the one on screen, so it is never served stale.
    staleTime: 0,
  });
}

export function useTimeline(code: string) {
  return useQuery({
    queryKey: workflowKeys.timeline(code),
    queryFn: ({ signal }) => api.dossierTimeline(code, signal),
  });
}

export function useDue(code: string, enabled: boolean) {
  return useQuery({
    queryKey: workflowKeys.due(code),
    queryFn: ({ signal }) => api.dossierDue(code, signal),
    enabled,
  });
}

/** Every queue of the role at once: the tabs show their counts. */
export function useQueues(queues: readonly QueueName[]) {
  return useQueries({
    queries: queues.map((queue) => ({
      queryKey: workflowKeys.queue(queue),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.queue(queue, signal),
      // Colleagues move dossiers into these queues all day.
      refetchInterval: 60_000,
    })),
  });
}

export function usePerformAction(code: string) {
  return useMutation({
    mutationFn: (body: ActionRequest) => api.performAction(code, body),
  });
}

/** Reloads everything shown about a dossier, and the lists it may have moved between. */
export function useRefreshDossier(code: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['dossiers', 'detail', code] }),
      queryClient.invalidateQueries({ queryKey: ['queues'] }),
      queryClient.invalidateQueries({ queryKey: ['dossiers', 'day'] }),
    ]);
}

export function useMyTasks(enabled: boolean) {
  return useQuery({ queryKey: workflowKeys.tasks, queryFn: ({ signal }) => api.myTasks(signal), enabled });
}

export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.completeTask(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: workflowKeys.tasks }),
  });
}

/** Officers of the user's own commune with a role, for the assignee picker; fetched only while it is shown. */
export function useStaff(role: StepRole | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['staff', role ?? 'all'] as const,
    queryFn: ({ signal }) => api.staff(role, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}
