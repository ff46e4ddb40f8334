/** Use case: give a document a named version's content again, through the live document. */
import type { CollabServer } from '../collab';
import { AppError } from '../errors';
import type { EventBus } from '../events';
import type { DocumentRecord, Storage, User, VersionRecord } from '../storage/types';
import { docFromState, replaceContent } from '../versions/content';
import { takeVersion } from './takeVersion';
import { assertTextUnlocked } from './textLock';

/**
 * Writes `version`'s content into the live document as one new change (`collab.change`), so
 * open editors see it at once, offline clients merge it when they reconnect, and the history
 * before it stays (the current text is first kept as a version of its own). Refused with 409
 * `document_locked` while the document is approved or published, and with 413
 * `version_too_large` when the result could exceed the document size cap.
 */
export async function restoreVersion(input: {
  storage: Storage;
  collab: Pick<CollabServer, 'change' | 'encodeState' | 'maxDocBytes'>;
  events: EventBus;
  actor: User;
  document: DocumentRecord;
  version: VersionRecord;
  ip?: string | null;
}): Promise<void> {
  const { collab, document, version } = input;
  assertTextUnlocked(document);
  const current = await collab.encodeState({ documentId: document.id });
  // Errs high (blocks both versions share are kept, not copied), like the cap on edits.
  if (current.byteLength + version.stateBytes > collab.maxDocBytes) {
    throw new AppError({
      status: 413,
      code: 'version_too_large',
      message: 'Restoring this version would make the document larger than its size cap.',
    });
  }
  const context = { actor: input.actor, ip: input.ip ?? null };
  await takeVersion({
    storage: input.storage,
    collab,
    events: input.events,
    context,
    documentId: document.id,
    label: `Before restoring “${version.label}”`,
  });
  const source = docFromState(version.state);
  try {
    await collab.change(document.id, (ydoc) => replaceContent(ydoc, source));
  } finally {
    source.destroy();
  }
  await input.events.emit('document.versionRestored', {
    context,
    document,
    version,
  });
}
