// Row types of the revision counters; see migrations/2026-12-06-0510-data-revisions.ts.

export interface DataRevisionsTable {
  /** The table whose writes the counter follows: 'units', 'unit_lineage', 'unit_headcounts'. */
  name: string;
  /** Bumped by a trigger in the transaction of every write to that table. */
  revision: number;
}

export interface RevisionTables {
  dataRevisions: DataRevisionsTable;
}
