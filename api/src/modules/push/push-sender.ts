/**
 * One push over HTTP: web-push encrypts the payload for the browser (aes128gcm, RFC 8291) and signs the request with
 * the VAPID key (RFC 8292); the request itself goes through fetch, so that a plain-http test push service on the
 * loopback works as well as the real ones (web-push's own sender speaks https only).
 */
import webpush from 'web-push';
import type { VapidKeys } from './push.store.js';

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
/** The push service's answer: its HTTP status, or null when none came (network, timeout). */
export type PushResult = { status: number | null; error: string | null };

const TIMEOUT_MS = 10_000;

export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}

export async function sendPush(
  target: PushTarget,
  payload: string,
  vapid: VapidKeys & { subject: string },
  opts: { ttlSeconds: number; topic: string },
): Promise<PushResult> {
  const request = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: target }, payload, {
    vapidDetails: vapid,
    TTL: opts.ttlSeconds,
    contentEncoding: 'aes128gcm',
    topic: opts.topic,
    urgency: 'high',
  });
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([k]) => k.toLowerCase() !== 'content-length'),
  ) as Record<string, string>;
  try {
    const res = await fetch(request.endpoint, {
      method: request.method,
      headers,
      body: request.body ? new Uint8Array(request.body) : null,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status, error: res.ok ? null : `push service answered ${res.status}` };
  } catch (err) {
    return { status: null, error: err instanceof Error ? err.message : String(err) };
  }
}
