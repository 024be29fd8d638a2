import type { SteerImportConfirm, SteerImportView } from '../../../../core/contracts/steer-import.js';
import type { Locale } from '../../../../core/i18n/locale.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';

// The plan appendix import's face (types only): what its routes and the module's wiring use.

export type ParseAppendixPayload = { importId: number };

export type SteerImportService = {
  /** Stores a preview of the appendix for the plan (read now, or by a background job for a large file). */
  upload(
    ctx: AuditContext,
    planId: number,
    file: { fileName: string; buffer: Buffer; expandedBytes: number },
    locale: Locale,
  ): Promise<SteerImportView>;
  /** The uploader's own import: progress, preview, names to pick, row errors (others: 404). */
  get(actor: Actor | null, id: number, locale: Locale): Promise<SteerImportView>;
  /** Creates the plan's groups and tasks in one transaction, with the person's picks for unmatched names. */
  confirm(ctx: AuditContext, id: number, input: SteerImportConfirm, locale: Locale): Promise<SteerImportView>;
  /** The sample appendix workbook ("Tải mẫu") for `year` (default: this year in Vietnam). */
  template(actor: Actor | null, year?: number): Promise<{ year: number; body: Buffer }>;
  handleParseJob(payload: ParseAppendixPayload): Promise<void>;
};
