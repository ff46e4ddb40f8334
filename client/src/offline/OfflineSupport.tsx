/**
 * Starts the service worker once per page (client/src/offline/serviceWorker.ts) and, when it
 * first takes charge, reads the open page's data again through it, so that this very page can
 * be reloaded offline, not only the next one.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/client';
import { readActiveQueriesAgain } from './readAgain';
import { registerServiceWorker } from './serviceWorker';

// StrictMode runs effects twice in development: one registration per page is enough.
let isStarted = false;

/** Renders nothing; mount once inside the query client's provider. */
export function OfflineSupport() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (isStarted) return;
    isStarted = true;
    registerServiceWorker({
      onFirstControl: () => {
        // The session's reads are not queries; errors here are the page's business, not ours.
        void api.auth.setupStatus().catch(() => undefined);
        void api.auth.me().catch(() => undefined);
        void readActiveQueriesAgain(queryClient);
      },
    });
  }, [queryClient]);
  return null;
}
