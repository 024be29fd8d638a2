import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

// What a backup covers is read from the live schema, so tables added by later migrations are backed up
// without anyone remembering to list them. Kysely's own bookkeeping tables are left out: the target
// install has its own, and the header records the migration names instead.

export type ColumnInfo = { name: string; type: string };
export type TableInfo = {
  name: string;
  columns: ColumnInfo[];
  /** Primary-key columns (all columns when a table has none), for a stable reading order. */
  orderBy: string[];
  /** Columns of this table that reference this same table (e.g. units.parent_id → units.id). */
  selfRefs: { column: string; refColumn: string }[];
  /** Tables this one references. */
  refs: string[];
  /** The identity column to move the sequence of after a PostgreSQL restore. */
  identity?: string;
};

/** Tables known only at run time: any table name, rows of unknown columns. */
export type DynamicDb = Record<string, Record<string, unknown>>;
type RawDb = Kysely<DynamicDb>;

/** The database without the camelCase plugin: backups carry the real snake_case column names. */
export function rawDatabase(db: Kysely<DB>): RawDb {
  return db.withoutPlugins() as unknown as RawDb;
}
type FoundTable = Omit<TableInfo, 'orderBy'> & { pk: string[] };
// data_revisions: cache-key counters the triggers of the restored tables bump again; community_activity_months
// and community_skill_years: sums the triggers of the restored activities fill again (community_commune_teams and
// unit_village_counts: of the restored teams and units; community_person_communes, community_commune_people and
// community_person_spread: of the restored members); steer_task_status_day_counts:
// running sums the triggers of the restored status spans fill again. Derived, never backed up.
const SKIPPED =
  /^(kysely_migration|sqlite_|data_revisions$|community_activity_months$|community_skill_years$|community_commune_teams$|unit_village_counts$|community_person_communes$|community_commune_people$|community_person_spread$|steer_task_status_day_counts$)/;

async function rows<T>(db: RawDb, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}

async function sqliteTables(db: RawDb): Promise<FoundTable[]> {
  const names = await rows<{ name: string }>(
    db,
    sql`select name from sqlite_master where type = 'table' order by name`,
  );
  const out: FoundTable[] = [];
  for (const { name } of names.filter((n) => !SKIPPED.test(n.name))) {
    const cols = await rows<{ name: string; type: string; pk: number }>(
      db,
      sql`select name, type, pk from pragma_table_info(${name}) order by cid`,
    );
    const fks = await rows<{ table: string; from: string; to: string | null }>(
      db,
      sql`select "table", "from", "to" from pragma_foreign_key_list(${name})`,
    );
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    out.push({
      name,
      columns: cols.map((c) => ({ name: c.name, type: c.type.toLowerCase() })),
      pk: pk.map((c) => c.name),
      refs: [...new Set(fks.filter((f) => f.table !== name).map((f) => f.table))],
      selfRefs: fks.filter((f) => f.table === name).map((f) => ({ column: f.from, refColumn: f.to ?? 'id' })),
      identity: pk.length === 1 && pk[0].type.toLowerCase() === 'integer' ? pk[0].name : undefined,
    });
  }
  return out;
}

async function postgresTables(db: RawDb): Promise<FoundTable[]> {
  const cols = await rows<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_identity: string;
    column_default: string | null;
  }>(
    db,
    sql`select table_name, column_name, data_type, is_identity, column_default from information_schema.columns
        where table_schema = current_schema()
          and table_name in (select table_name from information_schema.tables
                             where table_schema = current_schema() and table_type = 'BASE TABLE')
        order by table_name, ordinal_position`,
  );
  const pks = await rows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.relname as table_name, a.attname as column_name
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
        where i.indisprimary and n.nspname = current_schema()
        order by c.relname, array_position(i.indkey, a.attnum)`,
  );
  const fks = await rows<{ table_name: string; ref_table: string; column_name: string; ref_column: string }>(
    db,
    sql`select c.relname as table_name, r.relname as ref_table, a.attname as column_name, ra.attname as ref_column
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_class r on r.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
        join pg_attribute ra on ra.attrelid = r.oid and ra.attnum = k.confkey[1]
        where k.contype = 'f' and n.nspname = current_schema()`,
  );
  const byTable = new Map<string, FoundTable>();
  for (const c of cols) {
    if (SKIPPED.test(c.table_name)) continue;
    let t = byTable.get(c.table_name);
    if (!t) {
      t = { name: c.table_name, columns: [], pk: [], refs: [], selfRefs: [] };
      byTable.set(c.table_name, t);
    }
    t.columns.push({ name: c.column_name, type: c.data_type.toLowerCase() });
    // Identity columns, and serial ones (a nextval default) that a module might declare by hand.
    if (c.is_identity === 'YES' || c.column_default?.startsWith('nextval(')) t.identity = c.column_name;
  }
  for (const p of pks) byTable.get(p.table_name)?.pk.push(p.column_name);
  for (const f of fks) {
    const t = byTable.get(f.table_name);
    if (!t) continue;
    if (f.ref_table === f.table_name) t.selfRefs.push({ column: f.column_name, refColumn: f.ref_column });
    else if (!t.refs.includes(f.ref_table)) t.refs.push(f.ref_table);
  }
  return [...byTable.values()];
}

/** Tables in an order where every table comes after the tables it references (name order otherwise). */
export function sortByDependencies<T extends { name: string; refs: string[] }>(tables: T[]): T[] {
  const pending = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: T[] = [];
  while (pending.size) {
    const ready = [...pending.values()]
      .filter((t) => t.refs.every((r) => done.has(r) || !pending.has(r)))
      .sort((a, b) => a.name.localeCompare(b.name));
    // A reference cycle between tables: take the rest by name (restore defers checks where it can).
    const batch = ready.length ? ready : [...pending.values()].sort((a, b) => a.name.localeCompare(b.name));
    for (const t of batch) {
      pending.delete(t.name);
      done.add(t.name);
      out.push(t);
    }
  }
  return out;
}

export async function discoverTables(db: RawDb, dialect: DialectName): Promise<TableInfo[]> {
  const found = dialect === 'sqlite' ? await sqliteTables(db) : await postgresTables(db);
  return sortByDependencies(
    found.map(({ pk, ...t }) => ({ ...t, orderBy: pk.length ? pk : t.columns.map((c) => c.name) })),
  );
}

export async function appliedMigrations(db: RawDb): Promise<string[]> {
  const found = await rows<{ name: string }>(db, sql`select name from kysely_migration order by name`);
  return found.map((r) => r.name);
}
