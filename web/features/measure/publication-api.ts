import type { PublishPreview } from '../../../core/contracts/measure.js';
import { api } from '../../lib/api-client.js';

// Publishing: the preview (units not approved, excluded units), reopening a unit, excluding it from the ranking.

export const publicationApi = {
  preview: (periodId: number) => api.get<PublishPreview>(`/api/measure/periods/${periodId}/publish-preview`),
  reopen: (periodId: number, unitId: number, reason: string) =>
    api.post(`/api/measure/periods/${periodId}/units/${unitId}/reopen`, { reason }),
  exclude: (periodId: number, unitId: number, reason: string) =>
    api.put(`/api/measure/periods/${periodId}/units/${unitId}/exclusion`, { reason }),
  include: (periodId: number, unitId: number) =>
    api.delete(`/api/measure/periods/${periodId}/units/${unitId}/exclusion`),
};
