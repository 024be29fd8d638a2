import type { z } from 'zod';
import type {
  CompletionSchema,
  ComponentAcrossUnitsSchema,
  Period,
  PeriodCreate,
  ProfileSchema,
  RankingSchema,
  SnapshotSummarySchema,
  StoredFramework,
  StoredFrameworkDetailSchema,
  SubmissionView,
  ValuesBody,
} from '../../../core/contracts/measure.js';
import type { ComponentValue, Framework, UnitResult } from '../../../core/contracts/measure-framework.js';
import type { KpiPrefillResult } from '../../../core/contracts/measure-kpi-prefill.js';
import { api } from '../../lib/api-client.js';

// Typed calls to the Measure API; shapes come from the shared zod contracts.

export type Ranking = z.infer<typeof RankingSchema>;
export type Completion = z.infer<typeof CompletionSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
export type ComponentAcrossUnits = z.infer<typeof ComponentAcrossUnitsSchema>;
export type Snapshot = z.infer<typeof SnapshotSummarySchema>;
export type FrameworkDetail = Omit<z.infer<typeof StoredFrameworkDetailSchema>, 'definition'> & {
  definition: Framework;
};
export type Template = { key: string; code: string; name: string; componentCount: number; maxPoints: number };
export type ValuesMap = Record<string, ComponentValue | null>;

const unitPath = (periodId: number, unitId: number) => `/api/measure/periods/${periodId}/units/${unitId}`;

export const measureApi = {
  templates: () => api.get<Template[]>('/api/measure/framework-templates'),
  frameworks: () => api.get<StoredFramework[]>('/api/measure/frameworks'),
  framework: (id: number) => api.get<FrameworkDetail>(`/api/measure/frameworks/${id}`),
  createFromTemplate: (templateKey: string) =>
    api.post<FrameworkDetail>('/api/measure/frameworks', { templateKey }),
  saveFramework: (id: number, definition: Framework) =>
    api.put<{ framework: FrameworkDetail; createdNewVersion: boolean }>(`/api/measure/frameworks/${id}`, {
      definition,
    }),
  importFramework: (definition: unknown) =>
    api.post<{ framework: FrameworkDetail }>('/api/measure/frameworks/import', { definition }),
  exportFramework: (id: number) => api.get<Framework>(`/api/measure/frameworks/${id}/export`),

  periods: () => api.get<Period[]>('/api/measure/periods'),
  period: (id: number) => api.get<Period>(`/api/measure/periods/${id}`),
  createPeriod: (body: PeriodCreate) => api.post<Period>('/api/measure/periods', body),
  periodAction: (id: number, action: 'open' | 'close') =>
    api.post<Period>(`/api/measure/periods/${id}/${action}`),
  publish: (id: number) => api.post<Snapshot>(`/api/measure/periods/${id}/publish`),
  ranking: (
    id: number,
    page: {
      limit?: number;
      offset?: number;
      peerGroup?: string;
      q?: string;
      source?: 'published' | 'live';
    } = {},
  ) => api.get<Ranking>(`/api/measure/periods/${id}/ranking`, page),
  completion: (id: number) => api.get<Completion>(`/api/measure/periods/${id}/completion`),
  profile: (periodId: number, unitId: number) => api.get<Profile>(`${unitPath(periodId, unitId)}/profile`),
  componentAcross: (periodId: number, code: string) =>
    api.get<ComponentAcrossUnits>(`/api/measure/periods/${periodId}/components/${encodeURIComponent(code)}`),

  submission: (periodId: number, unitId: number) =>
    api.get<SubmissionView>(`${unitPath(periodId, unitId)}/submission`),
  saveValues: (periodId: number, unitId: number, body: ValuesBody) =>
    api.put<SubmissionView>(`${unitPath(periodId, unitId)}/submission/values`, body),
  preview: (periodId: number, unitId: number, body: ValuesBody) =>
    api.post<UnitResult>(`${unitPath(periodId, unitId)}/submission/preview`, body),
  submit: (periodId: number, unitId: number) =>
    api.post<SubmissionView>(`${unitPath(periodId, unitId)}/submission/submit`),
  /** Saves the year's KPI figures into the KPI-linked components; says which were filled and which had none. */
  prefillFromKpis: (periodId: number, unitId: number) =>
    api.post<KpiPrefillResult>(`${unitPath(periodId, unitId)}/submission/prefill-from-kpis`),
  addEvidence: (
    periodId: number,
    unitId: number,
    body: {
      componentCode: string;
      fileId?: string;
      document?: { number: string; date: string; title: string };
    },
  ) => api.post(`${unitPath(periodId, unitId)}/submission/evidence`, body),
  removeEvidence: (periodId: number, unitId: number, evidenceId: number) =>
    api.delete(`${unitPath(periodId, unitId)}/submission/evidence/${evidenceId}`),
  evidenceUrl: (periodId: number, unitId: number, evidenceId: number) =>
    `${unitPath(periodId, unitId)}/submission/evidence/${evidenceId}/file`,

  appraisal: (periodId: number, unitId: number) =>
    api.get<SubmissionView>(`${unitPath(periodId, unitId)}/appraisal`),
  appraise: (
    periodId: number,
    unitId: number,
    components: Record<string, { points?: number | null; comment?: string | null }>,
  ) => api.put<SubmissionView>(`${unitPath(periodId, unitId)}/appraisal`, { components }),
  returnSubmission: (
    periodId: number,
    unitId: number,
    body: { comment: string; components: { code: string; comment: string }[] },
  ) => api.post<SubmissionView>(`${unitPath(periodId, unitId)}/appraisal/return`, body),
  approve: (periodId: number, unitId: number) =>
    api.post<SubmissionView>(`${unitPath(periodId, unitId)}/appraisal/approve`),
};
