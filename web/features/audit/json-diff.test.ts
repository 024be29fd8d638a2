import { describe, expect, it } from 'vitest';
import { diffJson, flattenJson } from './json-diff.js';

describe('flattenJson', () => {
  it('names nested leaves by dotted path and keeps empty containers', () => {
    const flat = flattenJson({ a: 1, b: { c: 'x', d: [true, { e: null }] }, f: [], g: {} });
    expect([...flat.entries()]).toEqual([
      ['a', 1],
      ['b.c', 'x'],
      ['b.d.0', true],
      ['b.d.1.e', null],
      ['f', []],
      ['g', {}],
    ]);
  });
});

describe('diffJson', () => {
  it('lists added, removed and changed leaves and skips equal ones', () => {
    const before = { fullName: 'Nguyễn Văn A', isActive: true, grants: [{ role: 'officer', unitId: 5 }] };
    const after = {
      fullName: 'Nguyễn Văn B',
      isActive: true,
      grants: [{ role: 'leader', unitId: 5 }],
      locale: 'en',
    };
    expect(diffJson(before, after)).toEqual([
      { path: 'fullName', change: 'changed', before: 'Nguyễn Văn A', after: 'Nguyễn Văn B' },
      { path: 'grants.0.role', change: 'changed', before: 'officer', after: 'leader' },
      { path: 'locale', change: 'added', after: 'en' },
    ]);
  });

  it('treats a creation (no before) as all added and a deletion as all removed', () => {
    expect(diffJson(null, { email: 'a@b.vn' })).toEqual([
      { path: 'email', change: 'added', after: 'a@b.vn' },
    ]);
    expect(diffJson({ id: 3 }, null)).toEqual([{ path: 'id', change: 'removed', before: 3 }]);
    expect(diffJson(null, null)).toEqual([]);
  });
});
