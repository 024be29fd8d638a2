import type {
  Contributor,
  DropOne,
  HistoryGap,
  InStructure,
  LineageRule,
  MissingWeight,
  ScoreSummary,
  UnitHistory,
  WhatIfBody,
  WhatIfResult,
} from '../../../core/contracts/measure-analysis.js';
import type { Structure } from '../../../core/contracts/units.js';
import { api, postFile } from '../../lib/api-client.js';

// Typed calls to the analysis, history and export routes; the shapes are the server's contracts
// (core/contracts/measure-analysis.ts).

export type {
  Contributor,
  DropOne,
  HistoryGap,
  InStructure,
  LineageRule,
  MissingWeight,
  ScoreSummary,
  UnitHistory,
  WhatIfBody,
  WhatIfResult,
};

const periodPath = (id: number) => `/api/measure/periods/${id}`;

/** How old units' results are carried onto today's (the rules offered for 0–1 values: no sum). */
export type CarryOptions = { rule: Exclude<LineageRule, 'sum'>; missing: MissingWeight };

export const analysisApi = {
  whatIf: (periodId: number, unitId: number, body: WhatIfBody) =>
    api.post<WhatIfResult>(`${periodPath(periodId)}/units/${unitId}/what-if`, body),
  dropOne: (periodId: number) => api.get<DropOne>(`${periodPath(periodId)}/robustness/drop-one`),
  unitStructure: (unitId: number) => api.get<{ structureId: number }>(`/api/units/${unitId}`),
  structures: () => api.get<{ items: Structure[] }>('/api/structures'),
  inStructure: (periodId: number, structure: number, o: CarryOptions & { with?: number[] }) =>
    api.get<InStructure>(`${periodPath(periodId)}/ranking-in-structure`, {
      structure,
      rule: o.rule,
      ...(o.rule === 'weighted' ? { missing: o.missing } : {}),
      ...(o.with?.length ? { with: o.with.join(',') } : {}),
    }),
  unitHistory: (unitId: number, o: CarryOptions) =>
    api.get<UnitHistory>(`/api/measure/units/${unitId}/history`, {
      rule: o.rule,
      ...(o.rule === 'weighted' ? { missing: o.missing } : {}),
    }),
  resultsXlsxUrl: (periodId: number) => `${periodPath(periodId)}/results.xlsx`,
  reportDocxUrl: (periodId: number) => `${periodPath(periodId)}/report.docx`,
  completionXlsxUrl: (periodId: number) => `${periodPath(periodId)}/completion.xlsx`,
  rankingXlsxUrl: (periodId: number, source: 'published' | 'live') =>
    `${periodPath(periodId)}/ranking.xlsx?source=${source}`,
  profileXlsxUrl: (periodId: number, unitId: number) =>
    `${periodPath(periodId)}/units/${unitId}/profile.xlsx`,
  frameworkXlsxUrl: (frameworkId: number) => `/api/measure/frameworks/${frameworkId}/export.xlsx`,
  importFrameworkXlsx: (file: File, csrf: string) =>
    postFile<{ framework: { id: number }; warnings: { message?: string }[] }>(
      '/api/measure/frameworks/import.xlsx',
      file,
      csrf,
    ),
};
