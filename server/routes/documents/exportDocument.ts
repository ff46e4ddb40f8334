/**
 * `GET /api/documents/:id/export?format=md|html|docx|pdf[&comments=open|all]`: the document
 * as a file download. Anyone may export a published document or one whose link reach is
 * `public`, without an account; everything else needs the right to read it (workspace role,
 * share or link reach). Whoever may not export it gets 404, as for a document that does not
 * exist. `comments` (DOCX only) adds the review notes, for readers of the threads: comment
 * threads as Word comments, open suggestions as tracked changes.
 */
import express, { type Router } from 'express';
import { DocumentParams } from '../../../shared/api/documents';
import { ExportQuery } from '../../../shared/api/exports';
import { loadDocumentMembership } from '../../access/documentAccess';
import { loadExportThreads } from '../../comments/exportThreads';
import { NotFoundError, UnauthenticatedError } from '../../errors';
import {
  documentNodeFromState,
  documentNodeWithSuggestionsFromState,
  exportDocument,
  exportFileName,
  type DocxReview,
} from '../../exports';
import { findActor } from '../../http/authentication';
import { createExportRateLimit } from '../../http/rateLimit';
import { loadSuggestionAuthors } from '../../suggestions/exportAuthors';
import { validate } from '../../http/validate';
import { canExportDocument, canExportReviewNotes } from '../../policies/document';
import type { RouteDeps } from '../deps';
import { authorize, parseParams } from '../workspaces/access';

/** Router for document exports (no sign-in required: the policy decides). */
export function createExportRouter(deps: Pick<RouteDeps, 'storage' | 'collab' | 'config'>): Router {
  const { storage, collab, config } = deps;
  const router = express.Router();
  // Before the document is looked up: unknown ids cost a caller budget too.
  const rateLimit = createExportRateLimit({ config });

  router.get('/documents/:id/export', rateLimit, async (req, res) => {
    const actor = findActor(res);
    const { id } = parseParams(req, DocumentParams);
    const document = await storage.getDocument({ id });
    if (!document) throw new NotFoundError('No such document.');
    const membership = actor ? await loadDocumentMembership({ storage, actor, document }) : null;
    if (!canExportDocument(actor, membership, document)) {
      throw new NotFoundError('No such document.');
    }
    const { query } = validate(req, { query: ExportQuery });
    let review: DocxReview | undefined;
    if (query.comments) {
      // The public reads a published document's text, never its review threads.
      if (!actor) throw new UnauthenticatedError('Sign in to export comments.');
      authorize(
        canExportReviewNotes(actor, membership, document),
        'Only members of its workspace may export the comments of this document.',
      );
      const threads = await loadExportThreads({
        storage,
        live: collab,
        documentId: id,
        which: query.comments,
      });
      // Tracked changes name each suggestion's author and time from its record.
      review = {
        threads,
        suggestionAuthor: await loadSuggestionAuthors({ storage, live: collab, documentId: id }),
      };
    }
    // The live state: edits not yet flushed to storage are in the file too.
    const state = await collab.encodeState({ documentId: id });
    const file = await exportDocument({
      format: query.format,
      // Review notes show open suggestions as tracked changes; otherwise they are rejected.
      doc: review ? documentNodeWithSuggestionsFromState(state) : documentNodeFromState(state),
      title: document.title,
      ...(review ? { review } : {}),
    });
    res.attachment(exportFileName(document.title, file.extension));
    res.type(file.contentType);
    res.send(file.body);
  });

  return router;
}
