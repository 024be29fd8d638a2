import { createRequire } from 'node:module';
import type SQLiteDriver from 'better-sqlite3';

// Which better-sqlite3 build this Node.js can run (docs/decisions/0003-sqlite-driver-per-node-version.md):
// - 12.x, compiled from source against Node's own headers, is the only one that runs on Node 20; on Node 24.19+
//   it aborts the process when statements are garbage-collected (node::ObjectWrap gained cleanup hooks).
// - 13.x ships Node-API prebuilds (no compiler needed) and runs on Node 22 and 24; on Node 20 it segfaults.
// Both are installed (13.x under the alias better-sqlite3-napi) and the process loads the one for its runtime.
// They share one API, so the rest of the code sees a single `Database` type.

const require = createRequire(import.meta.url);

export type SqliteDatabase = SQLiteDriver.Database;
export type SqliteConstructor = typeof SQLiteDriver;

export const nodeMajor = (version = process.versions.node) => Number(version.split('.')[0]);

/** The package name of the driver build that runs on a Node.js of this major version. */
export function sqliteDriverFor(major: number): 'better-sqlite3' | 'better-sqlite3-napi' {
  return major >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3';
}

let loaded: SqliteConstructor | undefined;

export function loadSqliteDriver(): SqliteConstructor {
  loaded ??= require(sqliteDriverFor(nodeMajor())) as SqliteConstructor;
  return loaded;
}
