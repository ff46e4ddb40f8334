/** Use case: start a document from its kind's template (or given content: the seed, an import). */
import type {
  DocumentKind,
  DocumentLanguage,
  PolicyArea,
  StakeholderType,
} from '../../shared/domain';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { extractDerivedContent } from '../collab/derived';
import type { DocumentRecord, Storage, User } from '../storage/types';
import { buildInitialState, type Section } from '../templates';
import * as Y from 'yjs';
import { assertCity } from './documentCity';

/**
 * Creates the metadata, writes the template (or the given sections) as the first entry of
 * the Yjs log, and fills the derived fields so lists show the outline before anyone edits.
 */
export async function createDocument(input: {
  storage: Storage;
  actor: User;
  workspaceId: string;
  title: string;
  kind: DocumentKind;
  cityId?: string | null;
  policyAreas?: PolicyArea[];
  stakeholders?: StakeholderType[];
  /** The language of the text (default English); the template follows it when it exists. */
  language?: DocumentLanguage;
  /** Real text instead of the template's prompts (the demo seed). */
  sections?: Section[];
  /**
   * The whole content as a Yjs state (an import, `stateFromDocumentNode`), instead of the
   * template or `sections`.
   */
  initialState?: Uint8Array;
  /** The imported file, kept with the document (only when the importer asked for it). */
  original?: { name: string; contentType: string; bytes: Uint8Array };
}): Promise<DocumentRecord> {
  const { storage, actor } = input;
  await assertCity({ storage, cityId: input.cityId });
  const initialState =
    input.initialState ??
    buildInitialState({
      kind: input.kind,
      language: input.language ?? 'en',
      ...(input.sections ? { sections: input.sections } : {}),
    });
  const derived = derivedOf(initialState);
  // One transaction: a document never exists without its content (nothing to undo by hand),
  // nor without the original file it was asked to keep.
  return storage.withTransaction(async (tx) => {
    const document = await tx.createDocument({
      workspaceId: input.workspaceId,
      title: input.title,
      kind: input.kind,
      createdById: actor.id,
      cityId: input.cityId ?? null,
      policyAreas: input.policyAreas ?? [],
      stakeholders: input.stakeholders ?? [],
      language: input.language ?? 'en',
    });
    await tx.appendDocUpdates({ documentId: document.id, updates: [initialState] });
    if (input.original) {
      await tx.storeDocumentOriginal({
        documentId: document.id,
        ...input.original,
        createdById: actor.id,
      });
    }
    return tx.updateDocument({ id: document.id, patch: derived });
  });
}

function derivedOf(update: Uint8Array): {
  plainText: string;
  outline: DocumentRecord['outline'];
  wordCount: number;
} {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  const derived = extractDerivedContent(ydoc.getXmlFragment(EDITOR_FRAGMENT));
  ydoc.destroy();
  return derived;
}
