import { z } from 'zod';

// Anonymous reads around a published ranking (the light public pages type their data from here).

/** A published period for citizens: its main indices by name and the units that take part but are not ranked. */
export const PublicPeriodDetailSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    year: z.number(),
    publishedAt: z.string(),
    mainIndices: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string().nullable() })),
    /** Units taking part in the period (ranked, unpublished and excluded). */
    unitCount: z.number(),
    /** Taking part, but with no published result yet ("chưa công bố"): not approved when the period was published. */
    unpublished: z.array(z.object({ unitId: z.number(), unitName: z.string() })),
    /** Left out of the ranking by decision, with the reason given. */
    excluded: z.array(z.object({ unitId: z.number(), unitName: z.string(), reason: z.string() })),
  })
  .meta({ id: 'PublicPeriodDetail' });
export type PublicPeriodDetail = z.infer<typeof PublicPeriodDetailSchema>;
