import type { z } from 'zod';
import type {
  KpiDefinitionSchema,
  KpiImportView,
  KpiSummary,
  KpiValueViewSchema,
} from '../../../core/contracts/kpis.js';
import { api, postFile } from '../../lib/api-client.js';

export type KpiValueView = z.infer<typeof KpiValueViewSchema>;
export type KpiDefinition = z.infer<typeof KpiDefinitionSchema>;

export const kpisApi = {
  summary: (unitId: number, period: string) => api.get<KpiSummary>('/api/kpis/summary', { unitId, period }),
  values: (code: string, unitId: number) =>
    api.get<{ kpi: KpiDefinition; items: KpiValueView[] }>(`/api/kpis/${encodeURIComponent(code)}/values`, {
      unitId,
    }),
  importStatus: (id: number) => api.get<KpiImportView>(`/api/kpis/imports/${id}`),
  commit: (id: number) => api.post<KpiImportView>(`/api/kpis/imports/${id}/commit`),
  upload: (file: File, csrf: string) => postFile<KpiImportView>('/api/kpis/imports', file, csrf),
};
