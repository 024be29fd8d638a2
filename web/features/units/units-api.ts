import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LineageGraph, Structure, UnitDetail, UnitList } from '../../../core/contracts/units.js';
import { api } from '../../lib/api-client.js';

export type UnitFilter = { structureId?: number; asOf?: string };

export function useStructures() {
  return useQuery({
    queryKey: ['structures'],
    queryFn: () => api.get<{ items: Structure[] }>('/api/structures'),
    staleTime: 10 * 60_000,
  });
}

export function useUnitChildren(parentId: number | null, filter: UnitFilter, enabled = true) {
  // Without parentId the server answers the top of the actor's own tree (a province for an admin,
  // the commune for its officer); below that we walk parentId one level at a time.
  const query = parentId === null ? { ...filter, limit: 200 } : { ...filter, parentId, limit: 200 };
  return useQuery({
    queryKey: ['units', 'children', parentId, filter],
    queryFn: () => api.get<UnitList>('/api/units', query),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useUnitSearch(q: string, filter: UnitFilter, limit = 20) {
  const term = q.trim();
  return useQuery({
    queryKey: ['units', 'search', term, filter, limit],
    queryFn: () => api.get<UnitList>('/api/units', { ...filter, q: term, limit }),
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useUnit(id: number) {
  return useQuery({
    queryKey: ['units', 'detail', id],
    queryFn: () => api.get<UnitDetail>(`/api/units/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useLineage(id: number, depth: number) {
  return useQuery({
    queryKey: ['units', 'lineage', id, depth],
    queryFn: () => api.get<LineageGraph>(`/api/units/${id}/lineage`, { depth }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The structure in force on a date, so changing "as of" moves between the old and new trees. */
export function structureAt(structures: readonly Structure[], asOf: string): Structure | undefined {
  return structures.find((s) => s.validFrom <= asOf && (s.validTo === null || s.validTo >= asOf));
}
