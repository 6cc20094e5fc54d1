import { describe, expect, it } from 'vitest';
import { base64UrlToBytes } from './web-push';

describe('base64UrlToBytes', () => {
  it('decodes the VAPID key as the api gives it (base64url without padding)', () => {
    const key = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 0xfb)]);
    expect(Array.from(base64UrlToBytes(key.toString('base64url')))).toEqual(Array.from(key));
    expect(Array.from(base64UrlToBytes('-_8'))).toEqual([0xfb, 0xff]);
  });
});
