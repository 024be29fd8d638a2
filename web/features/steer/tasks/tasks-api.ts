import { useQuery } from '@tanstack/react-query';
import type {
  ExtensionDecision,
  ExtensionInput,
  ExtensionView,
  GroupInput,
  GroupView,
  PlanInput,
  PlanTree,
  PlanView,
  ProgressInput,
  ProgressView,
  TaskDetail,
  TaskInput,
  TaskList,
  TaskListQuery,
  TaskView,
  TransitionInput,
} from '../../../../core/contracts/steer-tasks.js';
import { api } from '../../../lib/api-client.js';

// Typed calls to /api/steer/plans… and /api/steer/tasks…; shapes come from the shared zod contracts.

export type { PlanTree, PlanView, ProgressView, TaskDetail, TaskView };

export const tasksApi = {
  plans: (query: { status?: string; q?: string } = {}) =>
    api.get<{ items: PlanView[] }>('/api/steer/plans', query),
  plan: (id: number) => api.get<PlanView>(`/api/steer/plans/${id}`),
  createPlan: (body: PlanInput) => api.post<PlanView>('/api/steer/plans', body),
  issuePlan: (id: number) => api.post<PlanView>(`/api/steer/plans/${id}/issue`),
  tree: (id: number, asOf?: string) => api.get<PlanTree>(`/api/steer/plans/${id}/tree`, { asOf }),
  addGroup: (planId: number, body: GroupInput) =>
    api.post<GroupView>(`/api/steer/plans/${planId}/groups`, body),
  tasks: (query: Partial<Record<keyof TaskListQuery, string | number | boolean | undefined>>) =>
    api.get<TaskList>('/api/steer/tasks', query),
  task: (id: number, asOf?: string) => api.get<TaskDetail>(`/api/steer/tasks/${id}`, { asOf }),
  createTask: (body: TaskInput) => api.post<TaskView>('/api/steer/tasks', body),
  transition: (id: number, body: TransitionInput) =>
    api.post<TaskView>(`/api/steer/tasks/${id}/transitions`, body),
  requestExtension: (id: number, body: ExtensionInput) =>
    api.post<ExtensionView>(`/api/steer/tasks/${id}/extensions`, body),
  decideExtension: (id: number, extensionId: number, body: ExtensionDecision) =>
    api.post<ExtensionView>(`/api/steer/tasks/${id}/extensions/${extensionId}/decision`, body),
  report: (id: number, body: ProgressInput) =>
    api.post<ProgressView>(`/api/steer/tasks/${id}/progress`, body),
  answer: (id: number, progressId: number, answer: string) =>
    api.post<ProgressView>(`/api/steer/tasks/${id}/progress/${progressId}/answer`, { answer }),
};

export const taskKey = (id: number) => ['steer', 'tasks', id] as const;

export function usePlans() {
  return useQuery({ queryKey: ['steer', 'plans'], queryFn: () => tasksApi.plans() });
}

export function usePlanTree(id: number, asOf: string) {
  return useQuery({ queryKey: ['steer', 'plans', id, 'tree', asOf], queryFn: () => tasksApi.tree(id, asOf) });
}

export function useTaskDetail(id: number, asOf?: string) {
  return useQuery({ queryKey: [...taskKey(id), asOf ?? 'today'], queryFn: () => tasksApi.task(id, asOf) });
}
