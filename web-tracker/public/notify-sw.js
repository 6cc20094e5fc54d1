// The tracker's service worker: shows notifications (phones, Chrome on Android, show them only through a service
// worker) and Web Push messages from the api while the page is closed or the phone locked. No fetch handler, no cache.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// A push from the api: JSON { title, body, url, tag } (modules/push in the api), shown as a notification.
self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data ? event.data.text() : '' };
  }
  const title = message.title || 'Wartenummer';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: message.body || '',
      tag: message.tag,
      renotify: Boolean(message.tag),
      icon: new URL('icon-192.png', self.registration.scope).href,
      requireInteraction: true,
      data: { url: message.url },
    }),
  );
});

// A click on a notification: back to the tracking page, in its open window if there is one, else in a new one.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data?.url;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => url && w.url === url);
      if (open) return open.focus();
      return url ? self.clients.openWindow(url) : undefined;
    }),
  );
});
