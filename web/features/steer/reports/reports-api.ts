import type {
  Dashboard,
  IssuedReport,
  IssueReportBody,
  ReportDocument,
  ReportList,
} from '../../../../core/contracts/steer-reports.js';
import { api } from '../../../lib/api-client.js';

// Steer reports and the leader dashboard for the staff app; shapes from core/contracts/steer-reports.ts.
export const reportsApi = {
  preview: (unitId: number, period: string) =>
    api.get<ReportDocument>('/api/steer/reports/preview', { unitId, period }),
  issue: (body: IssueReportBody) => api.post<IssuedReport>('/api/steer/reports', body),
  list: (unitId: number) => api.get<ReportList>('/api/steer/reports', { unitId }),
  fileUrl: (id: number, format: 'xlsx' | 'docx') => `/api/steer/reports/${id}/${format}`,
  dashboard: (unitId: number, asOf?: string) => api.get<Dashboard>('/api/steer/dashboard', { unitId, asOf }),
};

/** 0.6667 → "66,7 %"; none → "—". */
export const rate = (r: number | null) =>
  r === null ? '—' : `${(Math.round(r * 1000) / 10).toLocaleString('vi-VN')} %`;
