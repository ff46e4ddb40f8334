/**
 * The one TanStack Query client of the app: the cache every feature's data hooks share
 * (answers are deduplicated by key), with the retry rule below.
 */
import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';

/** How often a read is tried again when the server could not be reached. */
const NETWORK_RETRIES = 3;

/**
 * Retry a read only when the network failed (`ApiError` status 0). A 4xx will answer the same
 * again, and a 5xx is logged by the server and offered to the person as "Try again".
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return error instanceof ApiError && error.status === 0 && failureCount < NETWORK_RETRIES;
}

/** A new client (one per app; tests make their own). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Data counts as stale at once, so opening a page shows the cache and refreshes it in the
      // background; requests for one key while one is under way share it. Offline, a read is
      // still tried once: the service worker answers it from its cache (docs/OFFLINE.md).
      queries: { retry: shouldRetry, staleTime: 0, networkMode: 'offlineFirst' },
      // Writes are never repeated by themselves: the person decides (and a write may have landed).
      // Offline they fail at once with a network error the page shows, never wait unseen.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
