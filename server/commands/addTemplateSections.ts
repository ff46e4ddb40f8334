/** Use case: give a document back the sections of its kind's template that it lacks. */
import type { CollabServer } from '../collab';
import type { EventBus } from '../events';
import type { DocumentRecord, User } from '../storage/types';
import { templateSections } from '../templates';
import { addMissingSections } from '../templates/missingSections';
import { assertTextUnlocked } from './textLock';

/**
 * Adds the missing sections through the live document (`collab.change`), so everyone who
 * has it open sees them at once and the change is stored like any edit; emits
 * `document.templateApplied` when something was added. Returns the headings added. 409
 * `document_locked` while the document is approved or published.
 */
export async function addTemplateSections(input: {
  collab: CollabServer;
  events: EventBus;
  actor: User;
  document: DocumentRecord;
  ip?: string | null;
}): Promise<string[]> {
  const { document } = input;
  assertTextUnlocked(document);
  let added: string[] = [];
  await input.collab.change(document.id, (ydoc) => {
    added = addMissingSections(ydoc, templateSections(document.kind, document.language));
  });
  if (added.length > 0) {
    await input.events.emit('document.templateApplied', {
      context: { actor: input.actor, ip: input.ip ?? null },
      document,
      headings: added,
    });
  }
  return added;
}
