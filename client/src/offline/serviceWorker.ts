/**
 * The page's side of the service worker (built by vite-plugin-pwa, see client/vite.config.ts):
 * registers it, fills its API cache once it first takes charge of the page, and empties that
 * cache when the account changes, so one person's cached answers are never shown to another.
 */
import { registerSW } from 'virtual:pwa-register';

/**
 * Whether a worker served this page from its first request: read when the bundle starts,
 * before any request, since a worker that takes the page later has missed the first reads.
 */
const wasControlledAtLoad =
  typeof navigator !== 'undefined' &&
  'serviceWorker' in navigator &&
  navigator.serviceWorker.controller !== null;

/**
 * Registers the worker (a no-op under the Vite dev server, which builds none). The page's
 * first reads went out before any worker ran, so none of them is cached yet: when the first
 * worker takes charge, `onFirstControl` reads them again through it.
 */
export function registerServiceWorker(input: { onFirstControl: () => void }): void {
  if (!('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  if (!wasControlledAtLoad) {
    // The worker may already have taken the page between its load and this call.
    if (container.controller) input.onFirstControl();
    else container.addEventListener('controllerchange', input.onFirstControl, { once: true });
  }
  registerSW({
    immediate: true,
    // Offline or a broken deploy: the app works on without it, as it did before.
    onRegisterError: (error: unknown) => console.warn('service worker not registered', error),
  });
  if (!wasControlledAtLoad) void askToBeClaimed(container);
}

/**
 * A worker that activates while this page's navigation is under way claims the pages open
 * then, not this one (Chromium), and nothing would take this page until its next load: its
 * reads would not be cached. Once a worker is active (`ready`), a page it does not control
 * asks to be claimed (client/public/sw-claim.js); `controllerchange` then follows as usual.
 */
async function askToBeClaimed(container: ServiceWorkerContainer): Promise<void> {
  const registration = await container.ready;
  if (!container.controller) registration.active?.postMessage({ type: 'CLAIM_CLIENTS' });
}
