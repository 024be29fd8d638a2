import { describe, expect, it } from 'vitest';
import { orderSelfReferences } from './backup.service.js';
import { sortByDependencies } from './backup-schema.js';

describe('sortByDependencies', () => {
  it('puts referenced tables first, by name among equals', () => {
    const order = sortByDependencies([
      { name: 'role_assignments', refs: ['users', 'units'] },
      { name: 'units', refs: ['structures'] },
      { name: 'users', refs: [] },
      { name: 'structures', refs: [] },
      { name: 'audit_log', refs: [] },
    ]).map((t) => t.name);
    expect(order).toEqual(['audit_log', 'structures', 'users', 'units', 'role_assignments']);
  });

  it('still lists every table when references form a cycle', () => {
    const order = sortByDependencies([
      { name: 'a', refs: ['b'] },
      { name: 'b', refs: ['a'] },
      { name: 'c', refs: [] },
    ]).map((t) => t.name);
    expect(order).toEqual(['c', 'a', 'b']);
  });
});

describe('orderSelfReferences', () => {
  it('emits a parent before its children whatever their ids', () => {
    const rows = [
      { id: 1, parent_id: 3 },
      { id: 2, parent_id: 1 },
      { id: 3, parent_id: null },
      { id: 4, parent_id: 99 },
    ];
    const ids = orderSelfReferences(rows, [{ column: 'parent_id', refColumn: 'id' }]).map((r) => r.id);
    expect(ids).toEqual([3, 4, 1, 2]);
  });

  it('survives a reference cycle', () => {
    const rows = [
      { id: 1, parent_id: 2 },
      { id: 2, parent_id: 1 },
    ];
    expect(orderSelfReferences(rows, [{ column: 'parent_id', refColumn: 'id' }])).toHaveLength(2);
  });
});
