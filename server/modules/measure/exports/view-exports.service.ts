import { frameworkForYear } from '../../../../core/measure/deadlines.js';
import { parseDefinition } from '../../../../core/measure/values.js';
import { notFound } from '../../../lib/errors.js';
import type { ViewExportsDeps, ViewExportsService } from '../measure.types.js';
import { completionWorkbook, profileWorkbook, rankingWorkbook } from './view-exports.js';

// Workbooks of what the staff screens show. Each reads through the same view the screen reads (so the same
// access rules and the same numbers), then only lays it out.

export function createViewExportsService({
  views,
  periods,
  frameworks,
}: ViewExportsDeps): ViewExportsService {
  async function frameworkOf(periodId: number) {
    const period = await periods.find(periodId);
    const row = period ? await frameworks.find(period.frameworkId) : undefined;
    if (!period || !row) throw notFound();
    return { period, framework: frameworkForYear(parseDefinition(row), period.year) };
  }

  return {
    async completionXlsx(actor, periodId) {
      const data = await views.completion(actor, periodId);
      const { period } = await frameworkOf(periodId);
      return { fileName: `tien-do-${periodId}.xlsx`, body: await completionWorkbook(period.name, data) };
    },
    async rankingXlsx(actor, periodId, source) {
      const ranking = await views.fullRanking(actor, periodId, source);
      const { framework } = await frameworkOf(periodId);
      const kind = ranking.source === 'published' ? 'cong-bo' : 'tam-tinh';
      return {
        fileName: `xep-hang-${periodId}-${kind}.xlsx`,
        body: await rankingWorkbook(ranking, framework),
      };
    },
    async profileXlsx(actor, periodId, unitId) {
      const profile = await views.profile(actor, periodId, unitId);
      const { period, framework } = await frameworkOf(periodId);
      return {
        fileName: `ho-so-${periodId}-${unitId}.xlsx`,
        body: await profileWorkbook(period.name, profile, framework),
      };
    },
  };
}
