import type { BriefingService, BriefingServiceDeps } from '../dashboard.types.js';
import { briefingDocx, briefingPdf } from './briefing-files.js';

// The committee briefing: the dashboard of the same area and date (same access rule, same figures), laid out
// on one page as PDF or DOCX.

const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export function createBriefingService(deps: BriefingServiceDeps): BriefingService {
  return {
    async briefing(actor, query, format) {
      const dashboard = await deps.overview.overview(actor, query);
      const body =
        format === 'pdf' ? await briefingPdf(dashboard) : await briefingDocx(dashboard, deps.clock.now());
      return {
        fileName: `bao-cao-nhanh-cds-${dashboard.asOf}.${format}`,
        mime: MIME[format],
        body: new Uint8Array(body),
      };
    },
  };
}
