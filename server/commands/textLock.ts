/** The workflow's text lock as an error, for every command that writes the text from the server. */
import { ConflictError } from '../errors';
import { isTextLocked } from '../policies/document';
import type { DocumentRecord } from '../storage/types';

/** Throws 409 `document_locked` while the document is approved or published. */
export function assertTextUnlocked(document: Pick<DocumentRecord, 'status'>): void {
  if (isTextLocked(document)) {
    throw new ConflictError(
      `This document is ${document.status}: an owner moves it back to draft to change its text.`,
      'document_locked',
    );
  }
}
