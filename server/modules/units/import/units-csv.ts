import { parse } from 'csv-parse/sync';
import { firstForbiddenControl } from '../../../lib/text-safety.js';

// CSV reading for the unit and lineage imports: header by name, every row with its line number in the file.
export type CsvRow = { line: number; values: Record<string, string> };

export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(line ? `line ${line}: ${message}` : message);
  }
}

// Whole files are read into memory here (the CLI caps files at 50 MB): the same cap for any other caller.
export const CSV_MAX_CHARS = 50 * 1024 * 1024;

export function readCsv(
  text: string,
  requiredColumns: readonly string[],
): { columns: string[]; rows: CsvRow[] } {
  if (text.length > CSV_MAX_CHARS) throw new CsvFormatError('the file is larger than 50 MB', null);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as never;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? null;
    throw new CsvFormatError(`malformed CSV (${(err as Error).message.split('\n')[0]})`, line);
  }
  if (records.length === 0) throw new CsvFormatError('the file is empty', null);
  const columns = records[0].record.map((c) => c.toLowerCase());
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length) throw new CsvFormatError(`missing column(s): ${missing.join(', ')}`, 1);
  for (const { record, info } of records) {
    for (const [i, cell] of record.entries()) {
      // PostgreSQL cannot store U+0000, and no other control character but tab/line breaks is typed on purpose.
      const codePoint = firstForbiddenControl(cell);
      if (codePoint)
        throw new CsvFormatError(
          `column ${columns[i] ?? i + 1} holds the control character ${codePoint}`,
          info.lines,
        );
    }
  }
  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])),
  }));
  return { columns, rows };
}
