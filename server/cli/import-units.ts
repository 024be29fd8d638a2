import { parseArgs } from 'node:util';
import type { Deps } from '../deps.js';
import { createUnitsImportService } from '../modules/units/units.module.js';
import { DATE_RE, printRejected, readTextFile } from './cli-files.js';

export const IMPORT_UNITS_USAGE =
  'npx dxboard import-units <csv> --structure <name> --valid-from <YYYY-MM-DD> [--valid-to <date>] [--description <text>] [--partial]';

// `dxboard import-units`: columns code,name,type,level,parent_code (optional kind, valid_from, valid_to).
export async function runImportUnits(args: string[], deps: Deps): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      structure: { type: 'string' },
      'valid-from': { type: 'string' },
      'valid-to': { type: 'string' },
      description: { type: 'string' },
      partial: { type: 'boolean', default: false },
    },
  });
  const validFrom = values['valid-from'];
  if (
    !values.structure ||
    !validFrom ||
    !DATE_RE.test(validFrom) ||
    (values['valid-to'] && !DATE_RE.test(values['valid-to']))
  ) {
    console.error(`Usage: ${IMPORT_UNITS_USAGE}`);
    return 2;
  }
  const text = readTextFile(positionals[0]);
  const started = Date.now();
  const report = await createUnitsImportService(deps).importUnits(text, {
    structure: values.structure,
    validFrom,
    validTo: values['valid-to'] ?? null,
    description: values.description ?? null,
    allowPartial: values.partial,
    onProgress: (m) => console.info(m),
  });
  printRejected(report.rejected);
  if (report.rejected.length && !values.partial) {
    console.error('Nothing was written. Fix the rows above, or pass --partial to import the valid rows.');
    return 1;
  }
  if (report.structureCreated)
    console.info(`Created structure "${values.structure}" (valid from ${validFrom}).`);
  for (const name of report.closedStructures)
    console.info(`Closed structure "${name}" (valid until the day before ${validFrom}).`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (report.inserted + report.updated === 0)
    console.info(`Nothing changed: all ${report.unchanged} units were already imported.`);
  else
    console.info(
      `Done in ${seconds}s: ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged.`,
    );
  return report.rejected.length ? 1 : 0;
}
