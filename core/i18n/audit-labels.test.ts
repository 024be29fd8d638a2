import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  auditActorLabel,
  auditObjectLabel,
  auditValueLabel,
} from './audit-labels.js';

// Every action the server records must read as words in the audit viewer.

const SERVER = join(import.meta.dirname, '../../server');
// Actions built from a template: the prefix and the values its parameter takes (see the service's signature).
const TEMPLATES: Record<string, string[]> = { 'measure.period.': ['open', 'close'] };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.includes('.test.') ? [path] : [];
  });
}

function recorded(kind: 'action' | 'entity'): { literals: Set<string>; templates: Set<string> } {
  const literals = new Set<string>();
  const templates = new Set<string>();
  for (const file of sourceFiles(SERVER)) {
    for (const m of readFileSync(file, 'utf8').matchAll(new RegExp(`\\b${kind}:\\s*([^,}\\n]+)`, 'g'))) {
      for (const q of m[1].matchAll(/'([a-z_]+(?:\.[a-z_]+)*)'/g)) literals.add(q[1]);
      for (const t of m[1].matchAll(/`([a-z_.]+)\$\{/g)) templates.add(t[1]);
    }
  }
  return { literals, templates };
}

describe('audit labels', () => {
  it('label every action the server records (literal, conditional or templated)', () => {
    const { literals, templates } = recorded('action');
    const dotted = [...literals].filter((a) => a.includes('.'));
    expect(dotted.length).toBeGreaterThan(30);
    expect(dotted.filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
    expect([...templates].filter((p) => !TEMPLATES[p])).toEqual([]);
    const expanded = Object.entries(TEMPLATES).flatMap(([p, vs]) => vs.map((v) => p + v));
    expect(expanded.filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
  });

  it('label every object kind the server records', () => {
    const { literals } = recorded('entity');
    expect(literals.size).toBeGreaterThan(10);
    expect([...literals].filter((e) => !AUDIT_ENTITY_LABELS[e])).toEqual([]);
  });

  it('reads codes as Vietnamese words', () => {
    expect(auditActionLabel('auth.login', 'vi')).toBe('Đăng nhập');
    expect(auditActionLabel('measure.submission.return', 'vi')).toBe('Trả lại bản tự đánh giá');
    expect(auditActorLabel('anonymous', 'vi')).toBe('Ẩn danh');
    expect(auditActorLabel('token:sync', 'vi')).toBe('Khoá API: sync');
    expect(auditObjectLabel({ entity: 'user', entityId: '1', entityLabel: 'Trần An' }, 'vi')).toBe(
      'Người dùng: Trần An',
    );
    expect(auditObjectLabel({ entity: 'measure_period', entityId: '4' }, 'vi')).toBe('Kỳ đánh giá #4');
    expect(auditValueLabel(true, 'vi')).toBe('có');
    expect(auditValueLabel(false, 'vi')).toBe('không');
  });
});
