import type { SteerImportConfirm, SteerImportView } from '../../../../core/contracts/steer-import.js';
import { api, postFile } from '../../../lib/api-client.js';

// Typed calls to the plan appendix import (/api/steer/plans/{id}/imports, /api/steer/imports/{id}…).

export type { SteerImportView };

export const importApi = {
  upload: (planId: number, file: File, csrf: string) =>
    postFile<SteerImportView>(`/api/steer/plans/${planId}/imports`, file, csrf),
  get: (id: number) => api.get<SteerImportView>(`/api/steer/imports/${id}`),
  confirm: (id: number, body: SteerImportConfirm) =>
    api.post<SteerImportView>(`/api/steer/imports/${id}/confirm`, body),
  templateUrl: (year: number) => `/api/steer/import-template.xlsx?year=${year}`,
};
