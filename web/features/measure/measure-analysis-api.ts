import type { ComponentValue } from '../../../core/contracts/measure-framework.js';
import type { Structure } from '../../../core/contracts/units.js';
import { api, postFile } from '../../lib/api-client.js';

// Typed calls to the analysis, history and export routes (shapes mirror server/modules/measure/analysis.schemas.ts).

export type LineageRule = 'mean' | 'weighted' | 'sum';
type NodeBrief = { code: string; points: number; value: number | null };
export type ScoreSummary = {
  points: number;
  applicableMax: number;
  value: number | null;
  band: { code: string; name: string } | null;
  mainIndices: NodeBrief[];
};
export type WhatIfResult = {
  peerCount: number;
  before: ScoreSummary;
  after: ScoreSummary;
  deltaPoints: number;
  deltaValue: number | null;
  rankBefore: number | null;
  rankAfter: number | null;
  changedComponents: { code: string; before: number; after: number }[];
};
export type WhatIfBody = {
  overrides: Record<string, ComponentValue | null>;
  weights?: Record<string, number>;
};
export type DropOne = {
  components: {
    code: string;
    name: string;
    maxAbsShift: number;
    meanAbsShift: number;
    unitsMoved: number;
  }[];
};
export type Contributor = {
  unitId: number;
  unitName: string;
  share: number;
  weight: number | null;
  value: number | null;
};
export type InStructure = {
  periodName: string;
  units: {
    unitId: number;
    unitCode: string;
    unitName: string;
    value: number | null;
    rank: number | null;
    predecessors: Contributor[];
  }[];
};
export type UnitHistory = {
  unitName: string;
  periods: {
    periodId: number;
    periodName: string;
    year: number;
    direct: boolean;
    value: number | null;
    contributors: Contributor[];
  }[];
};

const periodPath = (id: number) => `/api/measure/periods/${id}`;

export const analysisApi = {
  whatIf: (periodId: number, unitId: number, body: WhatIfBody) =>
    api.post<WhatIfResult>(`${periodPath(periodId)}/units/${unitId}/what-if`, body),
  dropOne: (periodId: number) => api.get<DropOne>(`${periodPath(periodId)}/robustness/drop-one`),
  unitStructure: (unitId: number) => api.get<{ structureId: number }>(`/api/units/${unitId}`),
  structures: () => api.get<{ items: Structure[] }>('/api/structures'),
  inStructure: (periodId: number, structure: number, rule: LineageRule) =>
    api.get<InStructure>(`${periodPath(periodId)}/ranking-in-structure`, { structure, rule }),
  unitHistory: (unitId: number, rule: LineageRule) =>
    api.get<UnitHistory>(`/api/measure/units/${unitId}/history`, { rule }),
  resultsXlsxUrl: (periodId: number) => `${periodPath(periodId)}/results.xlsx`,
  reportDocxUrl: (periodId: number) => `${periodPath(periodId)}/report.docx`,
  frameworkXlsxUrl: (frameworkId: number) => `/api/measure/frameworks/${frameworkId}/export.xlsx`,
  importFrameworkXlsx: (file: File, csrf: string) =>
    postFile<{ framework: { id: number }; warnings: { message?: string }[] }>(
      '/api/measure/frameworks/import.xlsx',
      file,
      csrf,
    ),
};
