/**
 * A document's comment threads as an export writes them (Word comments in a DOCX): the same
 * threads, comments and people the threads API shows, in document order, reduced to what a
 * reader of the file sees (author names, bodies, dates).
 */
import type { ExportComments } from '../../shared/api/exports';
import type { ExportThread } from '../exports/docxReview';
import type { Storage } from '../storage/types';
import { loadThreadViews, type LiveStateReader } from './threadViews';

/** The threads to export: open ones, or `all` (resolved ones too). */
export async function loadExportThreads(input: {
  storage: Storage;
  live: LiveStateReader;
  documentId: string;
  which: ExportComments;
}): Promise<ExportThread[]> {
  const views = await loadThreadViews({
    storage: input.storage,
    live: input.live,
    documentId: input.documentId,
  });
  return views
    .filter((view) => input.which === 'all' || view.status === 'open')
    .map((view) => ({
      id: view.id,
      isResolved: view.status === 'resolved',
      quote: view.quote,
      comments: view.comments.map((comment) => ({
        authorName: comment.author.name,
        body: comment.body,
        createdAt: new Date(comment.createdAt),
      })),
    }));
}
