import type {
  ActivityInput,
  ActivityList,
  ActivityView,
  MemberInput,
  MemberView,
  Rollup,
  Targets,
  TargetsPut,
  TeamDetail,
  TeamInput,
  TeamList,
  Village,
  VillageCreate,
  VillageList,
} from '../../../core/contracts/community.js';
import { api } from '../../lib/api-client.js';

// Community's API for the staff app; shapes come from core/contracts/community.ts.
export const communityApi = {
  villages: (communeId: number) => api.get<VillageList>('/api/community/villages', { communeId }),
  addVillage: (input: VillageCreate) => api.post<Village>('/api/community/villages', input),
  teams: (unitId: number) => api.get<TeamList>('/api/community/teams', { unitId }),
  team: (id: number) => api.get<TeamDetail>(`/api/community/teams/${id}`),
  createTeam: (input: TeamInput) => api.post<TeamDetail>('/api/community/teams', input),
  addMember: (teamId: number, input: MemberInput) =>
    api.post<MemberView>(`/api/community/teams/${teamId}/members`, input),
  endMember: (teamId: number, memberId: number, endDate: string) =>
    api.post<MemberView>(`/api/community/teams/${teamId}/members/${memberId}/end`, { endDate }),
  activities: (unitId: number, teamId?: number) =>
    api.get<ActivityList>('/api/community/activities', { unitId, teamId, limit: 50 }),
  logActivity: (input: ActivityInput) => api.post<ActivityView>('/api/community/activities', input),
  targets: (communeId: number, year: number) =>
    api.get<Targets>('/api/community/targets', { communeId, year }),
  putTargets: (input: TargetsPut) => api.put<Targets>('/api/community/targets', input),
  rollup: (unitId: number, year: number, offset = 0, limit = 100) =>
    api.get<Rollup>('/api/community/rollup', { unitId, year, offset, limit }),
};
