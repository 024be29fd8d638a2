import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Component, Framework, UnitResult } from '../../../core/contracts/measure-framework.js';
import { ApiError } from '../../lib/api-client.js';
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

export function mainIndicesOf(fw: Framework | undefined) {
  return fw ? fw.groups.flatMap((g) => g.mainIndices) : [];
}

export function componentsOf(fw: Framework | undefined): Component[] {
  return mainIndicesOf(fw).flatMap((m) => m.components);
}

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

/** Field errors of a failed save, submit or preview, keyed by component code (codes contain dots). */
export function errorsByComponent(error: unknown, codes: string[]): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  const sorted = [...codes].sort((a, b) => b.length - a.length);
  for (const e of error.problem.errors ?? []) {
    const field = e.field.replace(/^body\./, '');
    const code = sorted.find((c) =>
      ['values', 'evidence', 'components'].some(
        (p) => field === `${p}.${c}` || field.startsWith(`${p}.${c}.`),
      ),
    );
    if (code) out[field.startsWith('evidence.') ? `evidence:${code}` : code] ??= e.message;
  }
  return out;
}
