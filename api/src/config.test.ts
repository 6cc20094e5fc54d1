import { describe, expect, it } from 'vitest';
import { parseConfig, repoRoot } from './config.js';

describe('parseConfig', () => {
  it('defaults to port 4000, the embedded database in ./data/postgres and demo data', () => {
    const result = parseConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.port).toBe(4000);
    expect(result.config.database).toEqual({ kind: 'embedded', dir: `${repoRoot}/data/postgres`, port: 54329 });
    expect(result.config.seed).toBe('demo');
    expect(result.config.publicUrl).toBe('http://localhost:4000');
  });

  it('uses an external database without demo data unless asked', () => {
    const result = parseConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/bc',
      CORS_ORIGINS: 'https://a.de, https://b.de',
    });
    expect(result.ok && result.config.database).toEqual({ kind: 'external', url: 'postgres://u:p@db:5432/bc' });
    expect(result.ok && result.config.seed).toBe('none');
    expect(result.ok && result.config.corsOrigins).toEqual(['https://a.de', 'https://b.de']);
  });

  it('explains every bad variable in one line a newcomer understands', () => {
    const result = parseConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'PORT must be a whole number between 1 and 65535 (got "abc")',
      'DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/database (got "mysql://x")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'TRUST_PROXY must be true or false (got "maybe")',
    ]);
  });

  it('rejects a port out of range and treats empty values as unset', () => {
    const result = parseConfig({ PORT: '70000', DATABASE_URL: '' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual(['PORT must be a whole number between 1 and 65535 (got "70000")']);
  });
});
