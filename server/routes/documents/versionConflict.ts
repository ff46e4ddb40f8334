/**
 * The 409 `version_conflict` answer of a document write based on an older version: it
 * carries the current record (`details.document`), so the client can show what changed
 * instead of overwriting it.
 */
import { AppError } from '../../errors';
import { presentDocumentWithoutAbilities } from '../../presenters/document';
import type { Storage } from '../../storage/types';

/** Runs `write`; a `version_conflict` from it is rethrown with the current document attached. */
export async function withVersionConflictDetails<T>(
  input: { storage: Storage; documentId: string },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error: unknown) {
    if (!(error instanceof AppError) || error.code !== 'version_conflict') throw error;
    const current = await input.storage.getDocument({ id: input.documentId });
    if (!current) throw error;
    const document = await presentDocumentWithoutAbilities({
      storage: input.storage,
      document: current,
    });
    throw new AppError({
      status: 409,
      code: 'version_conflict',
      message: error.message,
      details: { document },
    });
  }
}
