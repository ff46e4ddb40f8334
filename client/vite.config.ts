/**
 * Builds the React client into `dist/client`, which the server serves; in development it
 * proxies the API, the collab WebSocket and Socket.IO to the server on port 3000.
 *
 * Every build also writes a Workbox service worker (`sw.js`, vite-plugin-pwa): it precaches the
 * app shell and keeps the last answer of the API reads, so a page reloaded offline still shows
 * (docs/OFFLINE.md). The Vite dev server has none (`devOptions` stay off).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { API_CACHE_MAX_AGE_SECONDS, API_CACHE_NAME } from './src/offline/cacheNames';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
// The API server `npm run dev` starts; override with CLIP_API_ORIGIN when it runs elsewhere.
const serverOrigin = process.env.CLIP_API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  root: clientRoot,
  plugins: [
    react(),
    VitePWA({
      // The page registers the worker itself (client/src/offline/serviceWorker.ts): no inline
      // script, which the CSP forbids, and it can refresh the page's data once it is in charge.
      injectRegister: false,
      // A new worker waits until every tab of the app is closed: never a reload mid-edit.
      registerType: 'prompt',
      manifest: false,
      workbox: {
        // The first worker takes the open page at once, so its next reads are kept.
        clientsClaim: true,
        // And a page that loaded while it was activating, when that page asks (sw-claim.js).
        importScripts: ['/sw-claim.js'],
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        // Page routes answer with the cached shell offline; these paths are the server's own:
        // the API, the collab and Socket.IO endpoints, the server-rendered public library.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [
          /^\/api\//,
          /^\/collab\//,
          /^\/socket\.io\//,
          /^\/library(\/|$)/,
        ],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Reads only (Workbox routes GET by default; writes go straight to the network),
            // never exports (large files) or the health check. Serialised into sw.js: keep it
            // self-contained.
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin &&
              url.pathname.startsWith('/api/') &&
              url.pathname !== '/api/health' &&
              !url.pathname.includes('/export'),
            handler: 'NetworkFirst',
            method: 'GET',
            options: {
              cacheName: API_CACHE_NAME,
              // A network that hangs (a train tunnel) falls back to the cached answer.
              networkTimeoutSeconds: 6,
              expiration: { maxEntries: 300, maxAgeSeconds: API_CACHE_MAX_AGE_SECONDS },
              // Only real answers: a 401/403/404 must not stand in for the data later.
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  resolve: {
    // One copy of Yjs and friends, or Yjs's "imported twice" check breaks the editor binding.
    dedupe: ['yjs', 'y-prosemirror', '@tiptap/y-tiptap', 'y-protocols', 'lib0'],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Big libraries in their own long-lived chunks (the editor route itself is lazy-loaded),
        // so no chunk crosses the size warning and the sign-in screens stay light.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 30 },
            {
              name: 'realtime',
              test: /node_modules[\\/](socket\.io-client|engine\.io-client|socket\.io-parser|@socket\.io)[\\/]/,
              priority: 30,
            },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 30 },
            {
              name: 'yjs',
              test: /node_modules[\\/](yjs|y-protocols|y-websocket|y-indexeddb|lib0|@tiptap[\\/]y-tiptap)[\\/]/,
              priority: 30,
            },
            {
              name: 'prosemirror',
              test: /node_modules[\\/](prosemirror-[^\\/]+|orderedmap|rope-sequence|w3c-keyname|@tiptap[\\/]pm)[\\/]/,
              priority: 20,
            },
            {
              name: 'tiptap',
              test: /node_modules[\\/](@tiptap|linkifyjs|markdown-it|@floating-ui)[\\/]?/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      // Host is passed through unchanged so the server's same-origin check sees the page's host.
      '/api': { target: serverOrigin, changeOrigin: false },
      '/collab': { target: serverOrigin, ws: true, changeOrigin: false },
      '/socket.io': { target: serverOrigin, ws: true, changeOrigin: false },
    },
  },
});
