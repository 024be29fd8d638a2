import { requireSignedIn } from '../../../lib/access-guard.js';
import type { Actor } from '../../../lib/actor.js';
import type { AuditContext } from '../../../lib/audit.js';
import { AppError } from '../../../lib/errors.js';
import { canManageFrameworks } from '../measure.policy.js';
import type { FrameworksService, FrameworkXlsxService } from '../measure.types.js';
import { buildFrameworkWorkbook } from './framework-xlsx.export.js';
import { errorsToRows, parseFrameworkWorkbook } from './framework-xlsx.import.js';
import './framework-xlsx.messages.js';

// Frameworks as xlsx: export any version people may read; import a workbook as a new draft version,
// all or nothing, through the same validation and audit as a JSON import.

/** An xlsx file is a zip whose first entry names the OOXML parts; the name or MIME type proves nothing. */
export function looksLikeXlsx(buffer: Buffer): boolean {
  if (buffer.length < 30 || buffer.readUInt32LE(0) !== 0x04034b50) return false;
  return buffer.includes('[Content_Types].xml') && buffer.includes('xl/');
}

export function createFrameworkXlsxService(frameworks: FrameworksService): FrameworkXlsxService {
  return {
    async exportXlsx(actor: Actor | null, id: number) {
      const definition = await frameworks.exportDefinition(actor, id);
      return {
        fileName: `bo-chi-so-${definition.code}.xlsx`,
        body: await buildFrameworkWorkbook(definition),
      };
    },
    /** Called before the upload is read: a caller who may not import learns nothing about the file's checks. */
    assertCanImport(actor: Actor | null) {
      if (!canManageFrameworks(requireSignedIn(actor))) throw new AppError('FORBIDDEN');
    },
    async importXlsx(ctx: AuditContext, buffer: Buffer, ownerUnitId?: number) {
      if (!canManageFrameworks(requireSignedIn(ctx.actor))) throw new AppError('FORBIDDEN');
      if (!looksLikeXlsx(buffer)) {
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
          fieldErrors: [{ field: 'file', code: 'measure.xlsx_not_xlsx' }],
        });
      }
      const parsed = await parseFrameworkWorkbook(buffer);
      try {
        return await frameworks.importDefinition(ctx, parsed.definition, ownerUnitId);
      } catch (error) {
        if (error instanceof AppError && error.code === 'VALIDATION') {
          throw new AppError('VALIDATION', {
            fieldErrors: errorsToRows(error.fieldErrors, parsed.rowOfPath),
          });
        }
        throw error;
      }
    },
  };
}
