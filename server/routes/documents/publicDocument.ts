/**
 * `GET /api/documents/:id` without an account: only a document whose link reach is `public`
 * (published ones are read in the library). Anything else is 401, as before link reach
 * existed, for ids that exist and ids that do not alike, so nothing is revealed.
 */
import type { DocumentAbilities, DocumentDto } from '../../../shared/api/entities';
import { UnauthenticatedError } from '../../errors';
import { isPubliclyReadable } from '../../policies/documentReach';
import { loadEditors, presentDocument } from '../../presenters/document';
import type { Storage } from '../../storage/types';

/** What an anonymous reader may do: read, nothing else. */
const PUBLIC_READER: DocumentAbilities = {
  read: true,
  edit: false,
  comment: false,
  suggest: false,
  editDetails: false,
  changeStatus: false,
  approve: false,
  publish: false,
  share: false,
  trash: false,
  restore: false,
};

/** The document for an anonymous caller; 401 `unauthenticated` unless it is public. */
export async function presentPublicDocument(input: {
  storage: Storage;
  documentId: string;
}): Promise<DocumentDto> {
  const document = await input.storage.getDocument({ id: input.documentId });
  if (!document || !isPubliclyReadable(document)) {
    throw new UnauthenticatedError();
  }
  const editors = await loadEditors({ storage: input.storage, documents: [document] });
  return presentDocument(document, editors, PUBLIC_READER);
}
