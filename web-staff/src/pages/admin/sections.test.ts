import { GLOBAL_ADMIN_PATHS } from '@bc/schema/app-paths';
import { describe, expect, it } from 'vitest';
import de from '../../locales/de.json';
import en from '../../locales/en.json';
import { ADMIN_SECTIONS, type AdminSection, sectionPath } from './sections';

const byKey = (key: string) => ADMIN_SECTIONS.find((s) => s.key === key) as AdminSection;

describe('the sections of the administration', () => {
  it('live in the office or beside the offices', () => {
    expect(sectionPath(byKey('hours'), 'buergercentrum')).toBe('/verwaltung/buergercentrum/oeffnungszeiten');
    expect(sectionPath(byKey('hours'), ':office')).toBe('/verwaltung/:office/oeffnungszeiten');
    expect(sectionPath(byKey('auditLog'), 'buergercentrum')).toBe('/verwaltung/protokoll');
  });

  it('beside the offices are exactly the paths whose names the api keeps from office slugs, for admins only', () => {
    const global = ADMIN_SECTIONS.filter((s) => s.scope === 'global');
    expect(Object.fromEntries(global.map((s) => [s.key, s.path]))).toEqual(GLOBAL_ADMIN_PATHS);
    expect(new Set(global.flatMap((s) => s.roles))).toEqual(new Set(['ADMIN']));
  });

  it('have distinct keys and, within a scope, distinct paths', () => {
    expect(new Set(ADMIN_SECTIONS.map((s) => s.key)).size).toBe(ADMIN_SECTIONS.length);
    expect(new Set(ADMIN_SECTIONS.map((s) => `${s.scope}/${s.path}`)).size).toBe(ADMIN_SECTIONS.length);
  });

  it('each have a title and a summary in German and English', () => {
    for (const locale of [de, en])
      for (const { key } of ADMIN_SECTIONS) {
        const texts = (locale.admin.section as Record<string, { title?: string; summary?: string }>)[key];
        expect(texts?.title, key).toBeTruthy();
        expect(texts?.summary, key).toBeTruthy();
      }
  });
});
