import { z } from 'zod';
import { SubmissionViewSchema } from './measure.js';
import { ComponentValueSchema } from './measure-framework.js';

// Filling a submission's KPI-linked components from the operational KPIs of the period's year.

export const PrefilledComponentSchema = z.object({
  code: z.string(),
  kpiCode: z.string(),
  value: ComponentValueSchema,
});
export const MissingKpiComponentSchema = z.object({ code: z.string(), kpiCode: z.string() });

export const KpiPrefillResultSchema = SubmissionViewSchema.extend({
  prefilled: z.array(PrefilledComponentSchema),
  missing: z.array(MissingKpiComponentSchema),
});
export type KpiPrefillResult = z.infer<typeof KpiPrefillResultSchema>;
