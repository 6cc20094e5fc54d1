/**
 * Web Push in the browser: the tracker's service worker (notify-sw.js, which also shows the pushes) subscribes at the
 * browser's push service with the api's VAPID public key. The subscription (endpoint and keys, no personal data)
 * then goes to the api with the ticket's tracking token. Permission is only asked for after a button press.
 */

export type PushSupport = 'unsupported' | 'denied' | 'available';

export const workerUrl = `${import.meta.env.BASE_URL}notify-sw.js`;

export function pushSupport(): PushSupport {
  if (
    !window.isSecureContext ||
    !('serviceWorker' in navigator) ||
    typeof window.PushManager !== 'function' ||
    typeof window.Notification !== 'function'
  )
    return 'unsupported';
  return window.Notification.permission === 'denied' ? 'denied' : 'available';
}

/** The worker's registration, once it is active (registered now if it was not). */
export async function workerRegistration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register(workerUrl);
  return navigator.serviceWorker.ready;
}

/** The browser's subscription for this site, if it has one. */
export async function currentSubscription(): Promise<PushSubscription | null> {
  if (pushSupport() === 'unsupported') return null;
  const registration = await navigator.serviceWorker.getRegistration(workerUrl);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export type BrowserSubscription = { endpoint: string; p256dh: string; auth: string };

export class PushRefused extends Error {}

/**
 * The browser asks its push service (FCM, Mozilla, Apple) for a subscription; without a connection to it Chromium
 * waits a long time. After this the page says it did not work, rather than showing a busy button forever.
 */
const SUBSCRIBE_TIMEOUT_MS = 15_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('push service did not answer')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/** Asks for permission (call from a click) and subscribes; throws PushRefused when the visitor said no. */
export async function subscribeBrowser(publicKey: string): Promise<BrowserSubscription> {
  const answer = await window.Notification.requestPermission();
  if (answer !== 'granted') throw new PushRefused(answer);
  const registration = await workerRegistration();
  const key = base64UrlToBytes(publicKey);
  let subscription = await registration.pushManager.getSubscription();
  // A subscription made with another key (the api's keys were replaced) cannot be used: make a new one.
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await withTimeout(
    registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }),
    SUBSCRIBE_TIMEOUT_MS,
  );
  const json = subscription.toJSON();
  return { endpoint: subscription.endpoint, p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' };
}

function sameKey(known: ArrayBuffer | null, key: Uint8Array): boolean {
  if (!known) return false;
  const bytes = new Uint8Array(known);
  return bytes.length === key.length && bytes.every((b, i) => b === key[i]);
}

export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}
