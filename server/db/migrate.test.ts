import { describe, expect, it } from 'vitest';
import { isVanishedOtherSchema } from './migrate.js';

describe('migration retry on a schema dropped meanwhile', () => {
  const pgError = (schema: string) =>
    Object.assign(new Error(`schema "${schema}" does not exist`), { code: '3F000' });

  it('retries only when PostgreSQL names another schema that vanished during introspection', () => {
    expect(isVanishedOtherSchema(pgError('t_other'), 't_mine')).toBe(true);
    expect(isVanishedOtherSchema(pgError('t_mine'), 't_mine')).toBe(false);
    expect(isVanishedOtherSchema(new Error('syntax error'), 't_mine')).toBe(false);
    expect(isVanishedOtherSchema(Object.assign(new Error('x'), { code: '42P01' }), 't_mine')).toBe(false);
  });
});
