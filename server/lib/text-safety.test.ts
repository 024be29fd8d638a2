import { describe, expect, it } from 'vitest';
import {
  findForbiddenControls,
  firstForbiddenControl,
  hasForbiddenControl,
  neutraliseBidi,
} from './text-safety.js';

describe('forbidden control characters', () => {
  it('refuses C0 controls except tab, LF and CR', () => {
    for (let c = 0; c < 0x20; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      expect(hasForbiddenControl(text), `U+${c.toString(16)}`).toBe(![9, 10, 13].includes(c));
    }
    expect(hasForbiddenControl('Phường Phan Đình Phùng\t\r\n')).toBe(false);
    expect(firstForbiddenControl('x\u0000y\u0007')).toBe('U+0000');
    expect(firstForbiddenControl('clean')).toBeNull();
  });

  it('finds them anywhere in a parsed body, keys included, with dotted paths', () => {
    const body = { name: 'ok', items: [{ title: 'bad\u0000' }, 'x\u001B'], 'k\u0001': 1, n: 3, b: null };
    expect(findForbiddenControls(body, 'body')).toEqual([
      { field: 'body.items.0.title', codePoint: 'U+0000' },
      { field: 'body.items.1', codePoint: 'U+001B' },
      { field: 'body.k\u0001', codePoint: 'U+0001' },
    ]);
  });
});

describe('findForbiddenControls on deep input', () => {
  it('walks a body nested far deeper than the call stack allows', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 50_000; i++) deep = i % 2 ? { a: deep } : [deep];
    const [hit] = findForbiddenControls(deep, 'body');
    expect(hit.codePoint).toBe('U+0000');
    expect(hit.field.split('.')).toHaveLength(50_001);
    expect(findForbiddenControls(JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)), 'body')).toEqual([]);
  });
});

describe('neutraliseBidi', () => {
  it('makes every override and isolate visible and leaves other text alone', () => {
    expect(neutraliseBidi('Xã A\u202Egnp.exe')).toBe('Xã A[U+202E]gnp.exe');
    expect(neutraliseBidi('\u2066\u2067\u2068\u2069')).toBe('[U+2066][U+2067][U+2068][U+2069]');
    expect(neutraliseBidi('Thị trấn Đông Anh (\u200Ewidth mark\u200E)')).toBe(
      'Thị trấn Đông Anh (\u200Ewidth mark\u200E)',
    );
  });
});
