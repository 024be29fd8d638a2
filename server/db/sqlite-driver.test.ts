import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadSqliteDriver, nodeMajor, sqliteDriverFor } from './sqlite-driver.js';

describe('SQLite driver per Node.js version', () => {
  it('picks the source-built 12.x on Node 20 and the Node-API 13.x from Node 22 on', () => {
    expect(sqliteDriverFor(20)).toBe('better-sqlite3');
    expect(sqliteDriverFor(22)).toBe('better-sqlite3-napi');
    expect(sqliteDriverFor(24)).toBe('better-sqlite3-napi');
    expect(nodeMajor('24.21.0')).toBe(24);
  });

  it('opens a database on this runtime', () => {
    const SQLite = loadSqliteDriver();
    const db = new SQLite(':memory:');
    expect(db.prepare('select 1 + 1 as two').get()).toEqual({ two: 2 });
    db.close();
  });

  // The failure this guards against: on Node 24.19+ better-sqlite3 12.x aborts the process when many prepared
  // statements are garbage-collected. Run it in a child with --expose-gc so an abort fails the test, not vitest.
  it('survives the garbage collection of many prepared statements on this runtime', () => {
    const script = `
      const { createRequire } = require('node:module');
      const req = createRequire(process.cwd() + '/package.json');
      const SQLite = req(${JSON.stringify(sqliteDriverFor(nodeMajor()))});
      const db = new SQLite(':memory:');
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < 100000; i++) db.prepare('select ' + (i % 50));
        global.gc();
      }
      db.close();
      console.log('survived');`;
    const child = spawnSync(process.execPath, ['--expose-gc', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).not.toMatch(/Assertion failed|Segmentation/);
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('survived');
  });
});
