/**
 * The hooks every collab server runs, in this order: access (authenticate the upgrade from its
 * token and fresh storage rows), derived data (plain text, outline, last editors on a
 * debounce), persistence (append each change to the document's log; compact at unload).
 * Derived data unloads first so its final write sees the whole document, as before.
 */
import type { Storage } from '../storage/types';
import { authenticateUpgrade } from './authenticate';
import type { ChangeOrigin, CollabHook } from './hooks';

/** Origins whose changes this process stores and derives from (`relay` was stored elsewhere). */
const LOCAL_ORIGINS: ReadonlySet<ChangeOrigin> = new Set(['peer', 'server']);

/** Authenticates and authorizes an upgrade (see `authenticate.ts`); the grant carries the caps. */
export function accessHook(input: { secret: string; storage: Storage }): CollabHook {
  return {
    name: 'access',
    onAuthenticate: ({ request }) =>
      authenticateUpgrade({ request, secret: input.secret, storage: input.storage }),
  };
}

/** Keeps the document record's derived fields in step with local changes (`derivedSync.ts`). */
export const derivedDataHook: CollabHook = {
  name: 'derived-data',
  onChange({ doc, origin, userId }) {
    if (LOCAL_ORIGINS.has(origin)) doc.derived.noteChange(userId);
  },
  onUnload: ({ doc }) => doc.derived.flush(),
};

/**
 * Appends local changes to the document's update log (batched, retried on failure:
 * `persistence.ts`) and compacts the log at unload. Relayed changes were stored by the
 * process that received them, so they are not appended a second time.
 */
export const persistenceHook: CollabHook = {
  name: 'persistence',
  onChange({ doc, origin, update }) {
    if (LOCAL_ORIGINS.has(origin)) doc.persistence.enqueue(update);
  },
  onUnload: ({ doc }) => doc.persistence.compact(),
};

/** The built-in hook list; `createCollabServer({ hooks })` appends its own after these. */
export function defaultCollabHooks(input: { secret: string; storage: Storage }): CollabHook[] {
  return [accessHook(input), derivedDataHook, persistenceHook];
}
