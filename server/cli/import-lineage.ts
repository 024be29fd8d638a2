import { parseArgs } from 'node:util';
import type { Deps } from '../deps.js';
import { createUnitsImportService } from '../modules/units/units.module.js';
import { DATE_RE, printRejected, readTextFile } from './cli-files.js';

export const IMPORT_LINEAGE_USAGE =
  'npx dxboard import-lineage <csv> [--old-structure <name>] [--new-structure <name>] [--effective-date <YYYY-MM-DD>] [--partial]';

// `dxboard import-lineage`: columns level,old_code,old_name,new_code,new_name,kind (optional share, share_basis).
export async function runImportLineage(args: string[], deps: Deps): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'old-structure': { type: 'string' },
      'new-structure': { type: 'string' },
      'effective-date': { type: 'string' },
      partial: { type: 'boolean', default: false },
    },
  });
  if (values['effective-date'] && !DATE_RE.test(values['effective-date'])) {
    console.error(`Usage: ${IMPORT_LINEAGE_USAGE}`);
    return 2;
  }
  const text = readTextFile(positionals[0]);
  const report = await createUnitsImportService(deps).importLineage(text, {
    oldStructure: values['old-structure'],
    newStructure: values['new-structure'],
    effectiveDate: values['effective-date'],
    allowPartial: values.partial,
    onProgress: (m) => console.info(m),
  });
  printRejected(report.rejected);
  if (report.rejected.length && !values.partial) {
    console.error('Nothing was written. Fix the rows above, or pass --partial to import the valid rows.');
    return 1;
  }
  if (report.warnings.length) printRejected(report.warnings, 'Imported, but check names of');
  if (report.inserted + report.updated === 0)
    console.info(`Nothing changed: all ${report.unchanged} lineage rows were already imported.`);
  else
    console.info(
      `Done: ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged (effective ${report.effectiveDate}); scope updated for ${report.closureChanges} units.`,
    );
  return report.rejected.length ? 1 : 0;
}
