/**
 * Getting a visitor's attention on the phone: a beep, vibration, and a system notification when allowed.
 * Permission is only ever asked for after a button press. Desktop browsers show `new Notification(…)`; Chrome on
 * Android only shows notifications through a service worker, so one (that does nothing else) is registered then.
 */
import { playBeep } from './sound';

export type NotificationState = 'unsupported' | 'default' | 'granted' | 'denied';

const workerUrl = `${import.meta.env.BASE_URL}notify-sw.js`;

export function notificationState(): NotificationState {
  if (typeof window.Notification !== 'function' || !window.isSecureContext) return 'unsupported';
  return window.Notification.permission;
}

/** Asks the browser for permission (call from a click); registers the notification worker when granted. */
export async function askForNotifications(): Promise<NotificationState> {
  if (notificationState() === 'unsupported') return 'unsupported';
  let answer: NotificationPermission;
  try {
    answer = await window.Notification.requestPermission();
  } catch {
    return 'unsupported';
  }
  if (answer === 'granted') void notificationWorker();
  return answer;
}

function notificationWorker(): Promise<ServiceWorkerRegistration | undefined> {
  if (!('serviceWorker' in navigator)) return Promise.resolve(undefined);
  return navigator.serviceWorker.register(workerUrl).catch(() => undefined);
}

async function notify(title: string, body: string, tag: string) {
  if (notificationState() !== 'granted') return;
  const options: NotificationOptions = { body, tag, lang: document.documentElement.lang, data: { url: location.href } };
  try {
    const shown = new window.Notification(title, options);
    shown.onclick = () => {
      window.focus();
      shown.close();
    };
  } catch {
    // "Illegal constructor" on Android: only a service worker may show it.
    const registration = await notificationWorker();
    await registration?.showNotification(title, options).catch(() => undefined);
  }
}

/** Beep, vibrate, and a notification when the visitor allowed one. */
export function alertVisitor(title: string, body: string, tag: string): void {
  playBeep();
  if (typeof navigator.vibrate === 'function') navigator.vibrate([300, 150, 300, 150, 600]);
  void notify(title, body, tag);
}
