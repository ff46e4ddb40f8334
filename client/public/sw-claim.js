/*
 * Loaded by the service worker (`importScripts`, client/vite.config.ts). Workbox's
 * `clientsClaim` claims the pages open when the worker activates; a page whose navigation
 * was under way at that moment is not among them, and nothing would claim it later. Such a
 * page asks (client/src/offline/serviceWorker.ts) and is claimed here. Plain JavaScript:
 * it is served as it is, next to the generated sw.js.
 */
/* global self */
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'CLAIM_CLIENTS') event.waitUntil(self.clients.claim());
});
