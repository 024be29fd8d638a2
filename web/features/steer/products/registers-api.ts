import type {
  CampaignDetail,
  CampaignInput,
  CampaignView,
  ConfirmInput,
  ProductDecision,
  ProductInput,
  ProductPatch,
  ProductView,
  SystemInput,
  SystemProblems,
  SystemUpdate,
  SystemView,
  WithoutProduct,
} from '../../../../core/contracts/steer-registers.js';
import { api, type Query } from '../../../lib/api-client.js';

// The registers' API for the staff app; shapes come from core/contracts/steer-registers.ts.
export const registersApi = {
  products: (q: Query) => api.get<{ items: ProductView[] }>('/api/steer/products', q),
  withoutProduct: (q: Query) => api.get<WithoutProduct>('/api/steer/products/units-without', q),
  declare: (input: ProductInput) => api.post<ProductView>('/api/steer/products', input),
  updateProduct: (id: number, input: ProductPatch) =>
    api.put<ProductView>(`/api/steer/products/${id}`, input),
  withdraw: (id: number) => api.delete<void>(`/api/steer/products/${id}`),
  decide: (id: number, d: ProductDecision) => api.post<ProductView>(`/api/steer/products/${id}/decision`, d),

  systems: (q: Query) => api.get<{ items: SystemView[] }>('/api/steer/systems', q),
  problems: (unitId: number) => api.get<SystemProblems>('/api/steer/systems/problems', { unitId }),
  system: (id: number) => api.get<SystemView>(`/api/steer/systems/${id}`),
  createSystem: (input: SystemInput) => api.post<SystemView>('/api/steer/systems', input),
  updateSystem: (id: number, input: SystemUpdate) => api.put<SystemView>(`/api/steer/systems/${id}`, input),

  campaigns: (unitId: number) => api.get<{ items: CampaignView[] }>('/api/steer/system-reviews', { unitId }),
  campaign: (id: number, unitId: number) =>
    api.get<CampaignDetail>(`/api/steer/system-reviews/${id}`, { unitId }),
  openCampaign: (input: CampaignInput) => api.post<CampaignDetail>('/api/steer/system-reviews', input),
  confirm: (id: number, itemId: number, input: ConfirmInput) =>
    api.post<CampaignDetail>(`/api/steer/system-reviews/${id}/items/${itemId}/confirm`, input),
  closeCampaign: (id: number) => api.post<CampaignDetail>(`/api/steer/system-reviews/${id}/close`),
  remind: (id: number) =>
    api.post<{ unitsReminded: number; unconfirmed: number }>(`/api/steer/system-reviews/${id}/remind`),
};
