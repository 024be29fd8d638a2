import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Framework, UnitResult } from '../../../core/contracts/measure-framework.js';
import { measureApi, type ValuesMap } from './measure-api.js';

export const submissionKey = (periodId: number, unitId: number) => [
  'measure',
  'submission',
  periodId,
  unitId,
];

export function useFramework(periodId: number) {
  const period = useQuery({
    queryKey: ['measure', 'period', periodId],
    queryFn: () => measureApi.period(periodId),
  });
  const frameworkId = period.data?.frameworkId;
  const framework = useQuery({
    queryKey: ['measure', 'framework', frameworkId],
    queryFn: () => measureApi.framework(frameworkId as number),
    enabled: frameworkId !== undefined,
    staleTime: 5 * 60_000,
  });
  return { period, framework };
}

export { componentsOf, mainIndicesOf } from './framework-parts.js';

/** Live score of the unsaved edits over the saved values, recomputed 400 ms after typing stops. */
export function useLivePreview(periodId: number, unitId: number, edits: ValuesMap, enabled: boolean) {
  const [debounced] = useDebouncedValue(edits, 400);
  const hasEdits = Object.keys(debounced).length > 0;
  return useQuery<UnitResult>({
    queryKey: ['measure', 'preview', periodId, unitId, debounced],
    queryFn: () => measureApi.preview(periodId, unitId, { values: debounced }),
    enabled: enabled && hasEdits,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
