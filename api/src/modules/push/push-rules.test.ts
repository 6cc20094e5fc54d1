import { describe, expect, it } from 'vitest';
import { checkSubscription, endpointAllowed, isGone, isTransient, pushPayload, retryDelayMs } from './push-rules.js';

const hosts = ['fcm.googleapis.com', 'push.services.mozilla.com'];
const key = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString('base64url');
const auth = Buffer.alloc(16, 1).toString('base64url');

describe('endpointAllowed', () => {
  it('takes https endpoints of the listed push services and their subdomains only', () => {
    expect(endpointAllowed('https://fcm.googleapis.com/fcm/send/abc', hosts)).toBe(true);
    expect(endpointAllowed('https://updates.push.services.mozilla.com/wpush/v2/x', hosts)).toBe(true);
    expect(endpointAllowed('http://fcm.googleapis.com/fcm/send/abc', hosts)).toBe(false);
    expect(endpointAllowed('https://evilfcm.googleapis.com.example.org/x', hosts)).toBe(false);
    expect(endpointAllowed('https://user:pw@fcm.googleapis.com/x', hosts)).toBe(false);
    expect(endpointAllowed('https://10.0.0.1/x', hosts)).toBe(false);
    expect(endpointAllowed('not a url', hosts)).toBe(false);
  });

  it('takes plain http only on an allowed loopback host (a local test push service)', () => {
    expect(endpointAllowed('http://127.0.0.1:4444/push/1', ['127.0.0.1'])).toBe(true);
    expect(endpointAllowed('http://127.0.0.1:4444/push/1', hosts)).toBe(false);
  });
});

describe('checkSubscription', () => {
  const input = { endpoint: 'https://fcm.googleapis.com/fcm/send/a', p256dh: key, auth, aheadThreshold: 3 };

  it('accepts a browser subscription and defaults the language to German', () => {
    expect(checkSubscription(input, hosts)).toEqual({ ok: true, value: { ...input, language: 'de' } });
    expect(checkSubscription({ ...input, language: 'de-ls' }, hosts)).toMatchObject({ value: { language: 'de-ls' } });
  });

  it('names each field it refuses', () => {
    const result = checkSubscription(
      { endpoint: 'https://example.org/x', p256dh: 'AAAA', auth: 'x', aheadThreshold: 0 },
      hosts,
    );
    expect(result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`)).toEqual([
      'endpoint:UNSUPPORTED_PUSH_SERVICE',
      'p256dh:INVALID_KEY',
      'auth:INVALID_KEY',
      'aheadThreshold:OUT_OF_RANGE',
    ]);
  });
});

describe('pushPayload', () => {
  const url = 'https://termine.example.de/track/t/abc';

  it('says what happened in the visitor’s language, with the tracking link', () => {
    expect(pushPayload('CALLED', 'de', { number: 'W017', counterLabel: '3' }, url)).toMatchObject({
      title: 'Nummer W017: Sie sind dran',
      body: 'Bitte gehen Sie zu Schalter 3.',
      url,
    });
    expect(pushPayload('AHEAD', 'en', { number: 'W017', ahead: 2 }, url).body).toBe(
      'Only 2 people are ahead of you. Please come to the waiting area now.',
    );
    expect(pushPayload('AHEAD', 'de', { number: 'W017', ahead: 0 }, url).body).toMatch(/^Sie sind als Nächstes/);
    expect(pushPayload('CANCELLED', 'de-ls', { number: 'W017' }, url).title).toBe('Nummer W017: gilt nicht mehr');
    expect(pushPayload('RECALLED', 'xx', { number: 'W017', counterLabel: '3' }, url).title).toBe(
      'Nummer W017: erneuter Aufruf',
    );
  });
});

describe('retries', () => {
  it('retries overload and server errors a few times, never a refusal; 404 and 410 mean gone', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([5_000, 30_000, 120_000, null]);
    expect([null, 429, 500, 503].map(isTransient)).toEqual([true, true, true, true]);
    expect([400, 403, 413].map(isTransient)).toEqual([false, false, false]);
    expect([404, 410, 400].map(isGone)).toEqual([true, true, false]);
  });
});
