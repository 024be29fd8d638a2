/** Rows per statement: keeps bulk inserts and IN (...) lists under SQLite's and PostgreSQL's parameter limits. */
export const SQL_BATCH = 500;

/** Splits `items` into consecutive slices of at most `size`. */
export function chunk<T>(items: readonly T[], size = SQL_BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
