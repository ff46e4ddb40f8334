/**
 * Builds the React client into `dist/client`, which the server serves; in development it
 * proxies the API, the collab WebSocket and Socket.IO to the server on port 3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
// The API server `npm run dev` starts; override with CLIP_API_ORIGIN when it runs elsewhere.
const serverOrigin = process.env.CLIP_API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
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
