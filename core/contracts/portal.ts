import { z } from 'zod';
import { KPI_SOURCES } from './kpis.js';

// The public portal's home (GET /api/public/home): the province's headline figures and entries to the other
// public pages, each figure with its source and as-of date. Aggregates only: no person, phone or e-mail.

export const PublicKpiFigureSchema = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  unitOfMeasure: z.string().nullable(),
  valueType: z.enum(['count', 'percent', 'ratio']),
  /** A count, or a rate in percent (0–100); the province's own figure, else the aggregate of its units. */
  value: z.number(),
  /** The calendar year the figure covers (year to date for the current year). */
  year: z.number(),
  /** The end of the latest reported period behind the figure (YYYY-MM-DD). */
  asOf: z.string(),
  /** How the latest value behind it reached DXBoard (a system's API, DHIS2, a spreadsheet, typed in, computed). */
  source: z.enum(KPI_SOURCES),
  /** Units whose values make the figure (1 for the province's own). */
  unitsReporting: z.number(),
  target: z.number().nullable(),
});
export type PublicKpiFigure = z.infer<typeof PublicKpiFigureSchema>;

export const PublicHomeSchema = z
  .object({
    /** When this answer was computed (UTC); it is cached for a short while. */
    generatedAt: z.string(),
    figures: z.array(PublicKpiFigureSchema),
    ranking: z
      .object({
        periodId: z.number(),
        periodName: z.string(),
        publishedAt: z.string(),
        unitCount: z.number(),
        top: z.array(
          z.object({
            rank: z.number().nullable(),
            unitId: z.number(),
            unitName: z.string(),
            /** The total on the 0–1 scale. */
            value: z.number().nullable(),
            band: z.string().nullable(),
          }),
        ),
        link: z.string(),
      })
      .nullable(),
    contests: z.object({
      open: z.array(
        z.object({ slug: z.string(), title: z.string(), participants: z.number(), link: z.string() }),
      ),
      asOf: z.string(),
    }),
    feedback: z.object({
      year: z.number(),
      /** Reports taken up in the year (received, not refused or still awaiting triage). */
      received: z.number(),
      answered: z.number(),
      onTime: z.number(),
      /** onTime / answered, 0–1; null before any answer. */
      onTimeRate: z.number().nullable(),
      asOf: z.string(),
      link: z.string(),
    }),
    community: z.object({
      year: z.number(),
      teams: z.number(),
      activities: z.number(),
      peopleReached: z.number(),
      asOf: z.string(),
      link: z.string(),
    }),
  })
  .meta({ id: 'PublicHome' });
export type PublicHome = z.infer<typeof PublicHomeSchema>;
