/**
 * `GET /api/documents/:id/export?format=md|html|docx|pdf`: the document as a file download.
 * Anyone may export a published document or one whose link reach is `public`, without an
 * account; everything else needs the right to read it (workspace role, share or link reach). Whoever may not export it gets 404, as for a document that does not exist.
 */
import express, { type Router } from 'express';
import { DocumentParams } from '../../../shared/api/documents';
import { ExportQuery } from '../../../shared/api/exports';
import { loadDocumentMembership } from '../../access/documentAccess';
import { NotFoundError } from '../../errors';
import { documentNodeFromState, exportDocument, exportFileName } from '../../exports';
import { findActor } from '../../http/authentication';
import { createExportRateLimit } from '../../http/rateLimit';
import { validate } from '../../http/validate';
import { canExportDocument } from '../../policies/document';
import type { RouteDeps } from '../deps';
import { parseParams } from '../workspaces/access';

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
    // The live state: edits not yet flushed to storage are in the file too.
    const state = await collab.encodeState({ documentId: id });
    const file = await exportDocument({
      format: query.format,
      doc: documentNodeFromState(state),
      title: document.title,
    });
    res.attachment(exportFileName(document.title, file.extension));
    res.type(file.contentType);
    res.send(file.body);
  });

  return router;
}
