import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderEndpointTable, replaceEndpointSection } from '../scripts/api-docs.js';

describe('docs/api.md', () => {
  it('lists exactly the endpoints the OpenAPI document describes', async () => {
    const current = readFileSync('docs/api.md', 'utf8');
    const table = await renderEndpointTable();
    expect(table).toContain('`/api/health`');
    // Stale? Run `npx tsx scripts/api-docs.ts` and commit docs/api.md.
    expect(replaceEndpointSection(current, table)).toBe(current);
  });
});
