/**
 * Tells open pages of a document that its history grew: `version:created` to `doc:<id>` for
 * every version taken (by a person, at a status change, or before a restore), so every open
 * history panel lists it within a second without reloading.
 */
import { presentVersion } from '../../presenters/versions';
import type { Broadcaster } from '../../realtime/broadcaster';
import type { Storage } from '../../storage/types';
import type { EventBus } from '../bus';

/** Subscribes the version broadcast. */
export function subscribeVersionBroadcast(input: {
  events: EventBus;
  storage: Storage;
  broadcaster: Broadcaster;
}): void {
  const { events, storage, broadcaster } = input;
  events.on('version.created', async ({ version }) => {
    const presented = await presentVersion({ storage, version });
    broadcaster
      .toDocument(version.documentId)
      .emit('version:created', { documentId: version.documentId, version: presented });
  });
}
