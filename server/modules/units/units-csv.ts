import { parse } from 'csv-parse/sync';

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

export function readCsv(
  text: string,
  requiredColumns: readonly string[],
): { columns: string[]; rows: CsvRow[] } {
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
  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])),
  }));
  return { columns, rows };
}
