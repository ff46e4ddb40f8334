/**
 * A document's original file, kept by an import with `keepOriginal=true`:
 * `GET /api/documents/:id/original` downloads it and `GET /api/documents/:id/original/info`
 * tells whether there is one (the editor's details panel). Signed-in readers of the document
 * only, never the anonymous public of a published one: the file may carry what the import
 * left out (Word comments, tracked changes, hidden text, authors' names).
 */
import express, { type Router } from 'express';
import { DocumentParams } from '../../../shared/api/documents';
import type { OriginalFileDto } from '../../../shared/api/exports';
import { NotFoundError } from '../../errors';
import { getActor, requireUser } from '../../http/authentication';
import type { DocumentOriginalSummary } from '../../storage/types';
import type { RouteDeps } from '../deps';
import { loadReadableDocument, parseParams } from '../workspaces/access';

function presentOriginal(original: DocumentOriginalSummary): OriginalFileDto {
  return {
    name: original.name,
    contentType: original.contentType,
    size: original.size,
    createdAt: original.createdAt.toISOString(),
  };
}

/** Router for the original-file endpoints. */
export function createOriginalFileRouter(deps: Pick<RouteDeps, 'storage'>): Router {
  const { storage } = deps;
  const router = express.Router();

  router.get('/documents/:id/original', requireUser, async (req, res) => {
    const { id } = parseParams(req, DocumentParams);
    await loadReadableDocument({ storage, actor: getActor(res), documentId: id });
    const original = await storage.getDocumentOriginal({ documentId: id });
    if (!original) {
      throw new NotFoundError('This document has no original file.', 'original_not_found');
    }
    res.attachment(original.name);
    res.type(original.contentType);
    // A member's file: no shared cache keeps it.
    res.set('Cache-Control', 'private, no-store');
    res.send(Buffer.from(original.bytes));
  });

  router.get('/documents/:id/original/info', requireUser, async (req, res) => {
    const { id } = parseParams(req, DocumentParams);
    await loadReadableDocument({ storage, actor: getActor(res), documentId: id });
    const original = await storage.getDocumentOriginalSummary({ documentId: id });
    res.json({ original: original ? presentOriginal(original) : null });
  });

  return router;
}
