import { type RawBuilder, sql } from 'kysely';

/** Case-insensitive "contains" on both databases, with LIKE wildcards in the search text taken literally. */
export function containsInsensitive(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
