/**
 * The service worker's cache of API answers seen from the page: emptied when the account
 * changes, so one person's cached answers are never shown to another on a shared computer.
 */
import { API_CACHE_NAME } from './cacheNames';

/**
 * Empties the worker's cache of API answers (sign-out, another account signing in). The
 * documents' own Yjs copies in IndexedDB stay: they are kept per account and may hold edits
 * the server has not received yet.
 */
export async function clearOfflineApiCache(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(API_CACHE_NAME);
}
