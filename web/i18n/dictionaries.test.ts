import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { translate } from './i18n-context.js';
import { landingEn, landingVi } from './landing.js';
import { vi } from './vi.js';

describe('dictionaries', () => {
  it('have the same keys in Vietnamese and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(Object.keys(landingEn).sort()).toEqual(Object.keys(landingVi).sort());
    for (const dict of [vi, en, landingVi, landingEn]) {
      for (const [key, text] of Object.entries(dict)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[])
      expect(names(en[key]), key).toEqual(names(vi[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('vi', 'home.welcome', { name: 'Lan' })).toBe('Xin chào, Lan');
    expect(translate('en', 'common.total', { count: 3 })).toBe('Total: 3');
    expect(translate('en', 'home.welcome')).toBe('Hello, {name}');
  });

  it('covers every data-i18n key of the static landing page, whose Vietnamese text matches', () => {
    const html = readFileSync(join(import.meta.dirname, '../public/index.html'), 'utf8');
    const used = [...html.matchAll(/data-i18n="([\w.]+)"[^>]*>([^<]*)</g)];
    expect(used.length).toBeGreaterThan(15);
    for (const [, key, text] of used) {
      expect(landingVi, key).toHaveProperty([key]);
      expect(text.trim(), key).toBe(landingVi[key as keyof typeof landingVi]);
    }
  });
});
