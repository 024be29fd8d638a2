import type { z } from 'zod';
import type {
  KpiDefinitionSchema,
  KpiImportView,
  KpiSummary,
  KpiValueViewSchema,
} from '../../../core/contracts/kpis.js';
import { getLocale } from '../../i18n/locale-store.js';
import { ApiError, api, type Problem } from '../../lib/api-client.js';

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
  async upload(file: File, csrf: string): Promise<KpiImportView> {
    const body = new FormData();
    body.append('file', file);
    const res = await fetch('/api/kpis/imports', {
      method: 'POST',
      body,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrf, accept: 'application/json', 'accept-language': getLocale() },
    });
    const json = (await res.json().catch(() => ({}))) as Partial<Problem>;
    if (!res.ok)
      throw new ApiError({ title: res.statusText, status: res.status, code: 'UNKNOWN', ...json } as Problem);
    return json as unknown as KpiImportView;
  },
};
