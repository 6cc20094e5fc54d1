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

  it('catches mails in the dev mailbox without SMTP_URL, shown in development and with the embedded database', () => {
    const embedded = parseConfig({});
    expect(embedded.ok && embedded.config.mail).toEqual({
      smtpUrl: null,
      from: 'Bürgercentrum <noreply@localhost>',
      devMailbox: true,
    });
    const external = (env: Record<string, string>) =>
      parseConfig({ DATABASE_URL: 'postgres://u:p@db:5432/bc', ...env });
    const production = external({});
    expect(production.ok && production.config.mail.devMailbox).toBe(false);
    const development = external({ NODE_ENV: 'development' });
    expect(development.ok && development.config.mail.devMailbox).toBe(true);
    const asked = external({ DEV_MAILBOX: 'true' });
    expect(asked.ok && asked.config.mail.devMailbox).toBe(true);
    const off = parseConfig({ DEV_MAILBOX: 'false' });
    expect(off.ok && off.config.mail.devMailbox).toBe(false);
  });

  it('sends over SMTP_URL from MAIL_FROM, never with the dev mailbox, and keeps data RETENTION_DAYS (14) days', () => {
    const result = parseConfig({
      SMTP_URL: 'smtps://bc:secret@mail.example.de:465',
      MAIL_FROM: 'Stadt Pforzheim <termine@pforzheim.de>',
      PUBLIC_URL: 'https://termine.example.de',
      RETENTION_DAYS: '30',
    });
    expect(result.ok && result.config.mail).toEqual({
      smtpUrl: 'smtps://bc:secret@mail.example.de:465',
      from: 'Stadt Pforzheim <termine@pforzheim.de>',
      devMailbox: false,
    });
    expect(result.ok && result.config.retentionDays).toBe(30);
    const defaults = parseConfig({ PUBLIC_URL: 'https://termine.example.de' });
    expect(defaults.ok && defaults.config.retentionDays).toBe(14);
    expect(defaults.ok && defaults.config.mail.from).toBe('Bürgercentrum <noreply@termine.example.de>');
  });

  it('explains bad mail and retention settings without repeating passwords', () => {
    const result = parseConfig({
      SMTP_URL: 'http://user:hunter2@mail.example.de',
      MAIL_FROM: 'Bürgercentrum',
      RETENTION_DAYS: '0',
    });
    expect(!result.ok && result.errors).toEqual([
      'SMTP_URL must be an SMTP URL like smtp://user:password@mail.example.de:587 or smtps://mail.example.de:465 (got "http://user:***@mail.example.de")',
      'MAIL_FROM must be an address like noreply@example.de or "Bürgercentrum <noreply@example.de>" (got "Bürgercentrum")',
      'RETENTION_DAYS must be a whole number of days between 1 and 3650 (got "0")',
    ]);
    const both = parseConfig({ SMTP_URL: 'smtp://mail.example.de', DEV_MAILBOX: 'true' });
    expect(!both.ok && both.errors).toEqual([
      'DEV_MAILBOX can only be true without SMTP_URL (the dev mailbox shows the mails the embedded catcher got)',
    ]);
  });

  it('takes TEST_CLOCK_START only with NODE_ENV=test, and only as an instant with its offset', () => {
    const test = parseConfig({ NODE_ENV: 'test', TEST_CLOCK_START: '2027-03-01T08:30:00Z' });
    expect(test.ok && test.config.testClockStart?.toISOString()).toBe('2027-03-01T08:30:00.000Z');
    const plain = parseConfig({ NODE_ENV: 'test' });
    expect(plain.ok && plain.config.testClockStart).toBeNull();
    const production = parseConfig({ TEST_CLOCK_START: '2027-03-01T08:30:00Z' });
    expect(!production.ok && production.errors).toEqual([
      'TEST_CLOCK_START is for tests only: it needs NODE_ENV=test (a product must run on the real time)',
    ]);
    const local = parseConfig({ NODE_ENV: 'test', TEST_CLOCK_START: '2027-03-01T09:30' });
    expect(!local.ok && local.errors).toEqual([
      'TEST_CLOCK_START must be an instant with its offset, like 2027-03-01T08:30:00Z (got "2027-03-01T09:30")',
    ]);
  });

  it('sends Web Push only to the known push services unless told, signed as the mail sender', () => {
    const plain = parseConfig({ PUBLIC_URL: 'https://termine.example.de' });
    expect(plain.ok && plain.config.push).toEqual({
      endpointHosts: ['fcm.googleapis.com', 'push.services.mozilla.com', 'push.apple.com', 'notify.windows.com'],
      subject: 'mailto:noreply@termine.example.de',
    });
    const set = parseConfig({
      PUSH_ENDPOINT_HOSTS: ' FCM.googleapis.com, push.example.de ',
      PUSH_SUBJECT: 'https://termine.example.de/kontakt',
      MAIL_FROM: 'Bürgercentrum <post@example.de>',
    });
    expect(set.ok && set.config.push).toEqual({
      endpointHosts: ['fcm.googleapis.com', 'push.example.de'],
      subject: 'https://termine.example.de/kontakt',
    });
    const fromMail = parseConfig({ MAIL_FROM: 'Bürgercentrum <post@example.de>' });
    expect(fromMail.ok && fromMail.config.push.subject).toBe('mailto:post@example.de');
    const bad = parseConfig({ PUSH_SUBJECT: 'http://example.de' });
    expect(!bad.ok && bad.errors).toEqual([
      'PUSH_SUBJECT must be a mailto: address or an https: URL the push services may contact (got "http://example.de")',
    ]);
  });
});
