/**
 * Names shared by the service worker's build config (client/vite.config.ts) and the page, so
 * the page can empty exactly the cache the worker fills (on sign-out or a change of account).
 */

/** The Workbox runtime cache of the API reads the pages need offline (GET /api/…). */
export const API_CACHE_NAME = 'clip-api';

/** How long a cached API answer may be shown offline: one working week and a weekend. */
export const API_CACHE_MAX_AGE_SECONDS = 9 * 24 * 60 * 60;
