/**
 * Links between library documents: a guideline cites a case study by linking to it (its
 * library page `/library/<id>` or its workspace page `/documents/<id>`, on any host). The
 * reading page lists what a document cites and which published documents cite it.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Storage } from '../storage/types';
import { listLibraryEntries, loadLibraryReading, type LibraryEntry } from './queries';

const DOCUMENT_LINK = /(?:^|\/)(?:library|documents)\/([A-Za-z0-9_-]{1,64})\/?(?:[?#].*)?$/;

/** Ids of the documents `doc` links to, in order of first appearance. */
export function linkedDocumentIds(doc: ProseMirrorNode): string[] {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name !== 'link' || typeof mark.attrs.href !== 'string') continue;
      const id = DOCUMENT_LINK.exec(mark.attrs.href)?.[1];
      if (id) ids.add(id);
    }
  });
  return [...ids];
}

/**
 * The published documents `content` links to, and the published documents whose published
 * text links to `documentId`. The second reads every publication's text: fine for the
 * network's few hundred publications, and the place for an index if it grows.
 */
export async function loadDocumentLinks(
  storage: Storage,
  documentId: string,
  content: ProseMirrorNode,
): Promise<{ cites: LibraryEntry[]; citedBy: LibraryEntry[] }> {
  const citedIds = linkedDocumentIds(content).filter((id) => id !== documentId);
  const cited = await Promise.all(citedIds.map((id) => loadLibraryReading(storage, id)));
  const others = (await listLibraryEntries(storage, undefined)).filter(
    (entry) => entry.document.id !== documentId,
  );
  const citing = await Promise.all(
    others.map(async (entry) => {
      const reading = await loadLibraryReading(storage, entry.document.id);
      return reading && linkedDocumentIds(reading.content).includes(documentId) ? entry : null;
    }),
  );
  return {
    cites: cited.filter((entry): entry is NonNullable<typeof entry> => entry !== null),
    citedBy: citing.filter((entry): entry is LibraryEntry => entry !== null),
  };
}
