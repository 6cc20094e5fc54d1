// Only for notifications: phones (Chrome on Android) show them through a service worker. No fetch handler, no cache.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
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
