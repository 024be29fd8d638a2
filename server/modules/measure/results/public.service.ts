import type { PublicPeriodDetail } from '../../../../core/contracts/measure-public.js';
import { frameworkForYear } from '../../../../core/measure/deadlines.js';
import { parseDefinition } from '../../../../core/measure/values.js';
import { notFound } from '../../../lib/errors.js';
import type { PublicMeasureDeps, PublicMeasureService } from '../measure.types.js';

// Anonymous reads of what has been published. Published results change only on publish.
export function createPublicMeasureService({
  repo,
  periods,
  units,
  frameworks,
  core,
}: PublicMeasureDeps): PublicMeasureService {
  return {
    /** Published periods with the time of their latest snapshot, most recent year first. */
    publishedPeriods: async () =>
      (await repo.publishedPeriods()).map((p) => ({ ...p, year: Number(p.year) })),

    /**
     * What a citizen needs around a published ranking: the names of its main indices (the ranking carries codes),
     * and the units that take part but are not in it ("chưa công bố"), so a missing commune is explained.
     */
    async publishedPeriod(periodId): Promise<PublicPeriodDetail> {
      const listed = (await repo.publishedPeriods()).find((p) => p.id === periodId);
      const period = listed ? await periods.find(periodId) : undefined;
      const latest = period ? await core.latestResults(periodId) : undefined;
      // Draft, open or closed periods are not public: the same 404 as an unknown id.
      if (!listed || !period || !latest) throw notFound();
      const frameworkRow = await frameworks.find(latest.frameworkId);
      const framework = frameworkRow ? frameworkForYear(parseDefinition(frameworkRow), period.year) : null;
      const ranked = new Set(latest.results.units.map((u) => u.unitId));
      const excluded = latest.results.excluded ?? [];
      const excludedIds = new Set(excluded.map((e) => e.unitId));
      const participants = await units.findUnits(await periods.periodUnitIds(periodId));
      const collator = new Intl.Collator('vi');
      return {
        id: period.id,
        name: period.name,
        year: Number(period.year),
        publishedAt: listed.publishedAt,
        mainIndices: (framework?.groups ?? [])
          .flatMap((g) => g.mainIndices)
          .map((m) => ({
            code: m.code,
            name: m.name,
            nameEn: m.nameEn ?? null,
          })),
        unitCount: participants.length,
        unpublished: participants
          .filter((u) => !ranked.has(u.id) && !excludedIds.has(u.id))
          .map((u) => ({ unitId: u.id, unitName: u.name }))
          .sort((a, b) => collator.compare(a.unitName, b.unitName)),
        excluded: excluded.map((e) => ({ unitId: e.unitId, unitName: e.unitName, reason: e.reason })),
      };
    },
  };
}
