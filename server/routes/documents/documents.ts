/**
 * `/api/documents…`: read, change the metadata, move along the workflow, trash and restore
 * one document, and the caller's recent documents for the dashboard. The text itself
 * changes only through `/collab` (see `collabToken.ts`).
 */
import express, { type Router } from 'express';
import {
  ChangeStatusBody,
  DocumentParams,
  GetDocumentQuery,
  RecentDocumentsQuery,
  UpdateDocumentBody,
} from '../../../shared/api/documents';
import type { DocumentDto } from '../../../shared/api/entities';
import { loadDocumentCallers } from '../../access/documentCallers';
import { changeDocumentStatus, isValidTransition } from '../../commands/changeDocumentStatus';
import { restoreDocument, trashDocument } from '../../commands/trash';
import { updateDocumentDetails } from '../../commands/updateDocumentDetails';
import { ConflictError, NotFoundError } from '../../errors';
import { findActor, getActor, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { validate } from '../../http/validate';
import {
  canChangeStatus,
  canDeleteDocument,
  canEditDocumentContent,
  canReadTrashedDocument,
  canRestoreDocument,
  canShareDocument,
  canUpdateDocumentMetadata,
} from '../../policies/document';
import { presentDocumentTo, presentDocuments } from '../../presenters/document';
import type { DocumentSummary, Storage, User } from '../../storage/types';
import type { RouteDeps } from '../deps';
import {
  assertWritableWorkspace,
  authorize,
  loadAuthorizedLiveDocument,
  loadDocumentAccess,
  parseParams,
} from '../workspaces/access';
import { createCollabTokenRouter } from './collabToken';
import { presentPublicDocument } from './publicDocument';
import { createSharesRouter } from './shares';
import { createExportRouter } from './exportDocument';
import { createImportRouter } from './importDocument';
import { createOriginalFileRouter } from './originalFile';
import { createTemplateSectionsRouter } from './templateSections';
import { withVersionConflictDetails } from './versionConflict';
import { createVersionsRouter } from './versions';
import { createWorkspaceDocumentsRouter } from './workspaceDocuments';

/**
 * A list of the caller's documents as the answer presents them: the caller's view of each
 * (abilities), leaving out any the caller lost access to between the reads.
 */
async function presentListedDocuments(input: {
  storage: Storage;
  actor: User;
  documents: DocumentSummary[];
}): Promise<DocumentDto[]> {
  const { visible, callerFor } = await loadDocumentCallers(input);
  return presentDocuments({ storage: input.storage, documents: visible, callerFor });
}

/** Router for `/api/documents…` and `/api/workspaces/:id/documents`. */
export function createDocumentsRouter(
  deps: Pick<RouteDeps, 'storage' | 'collab' | 'config' | 'events' | 'mailer' | 'creationLimits'>,
): Router {
  const { storage, collab, events } = deps;
  const router = express.Router();

  router.get('/documents', requireUser, async (req, res) => {
    const { query } = validate(req, { query: RecentDocumentsQuery });
    const actor = getActor(res);
    const documents = await storage.listRecentDocuments({ userId: actor.id, limit: query.limit });
    res.json({ documents: await presentListedDocuments({ storage, actor, documents }) });
  });

  // Before `/documents/:id`, which would take `shared-with-me` for an id.
  router.get('/documents/shared-with-me', requireUser, async (req, res) => {
    const { query } = validate(req, { query: RecentDocumentsQuery });
    const actor = getActor(res);
    const documents = await storage.listDocumentsSharedWith({
      userId: actor.id,
      limit: query.limit,
    });
    res.json({ documents: await presentListedDocuments({ storage, actor, documents }) });
  });

  router.get('/documents/:id', async (req, res) => {
    const actor = findActor(res);
    const { id } = parseParams(req, DocumentParams);
    if (!actor) {
      res.json({ document: await presentPublicDocument({ storage, documentId: id }) });
      return;
    }
    const { query } = validate(req, { query: GetDocumentQuery });
    const access = await loadDocumentAccess({ storage, actor, documentId: id });
    const { document, membership } = access;
    const isVisible =
      !document.deletedAt ||
      (query.includeTrashed && canReadTrashedDocument(actor, membership, document));
    if (!isVisible) throw new NotFoundError('No such document.');
    res.json({
      document: await presentDocumentTo({ storage, document, caller: { actor, ...access } }),
    });
  });

  router.patch('/documents/:id', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, DocumentParams);
    const access = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canUpdateDocumentMetadata,
      'Only owners and editors change a document.',
    );
    const { body } = validate(req, { body: UpdateDocumentBody });
    if (body.linkAccess !== undefined) {
      authorize(
        canShareDocument(actor, access.membership, access.document),
        'Only owners change who the link reaches.',
      );
    }
    const { baseVersion, ...details } = body;
    const updated = await withVersionConflictDetails({ storage, documentId: id }, () =>
      updateDocumentDetails({
        storage,
        events,
        actor,
        document: access.document,
        details,
        ...(baseVersion === undefined ? {} : { baseVersion }),
        ip: clientIp(req),
      }),
    );
    res.json({
      document: await presentDocumentTo({
        storage,
        document: updated,
        caller: { actor, ...access },
      }),
    });
  });

  // 403 for those who cannot change any status, then 409 for a move the workflow lacks,
  // then 403 for a move reserved to owners (approve, publish, withdraw).
  router.post('/documents/:id/status', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, DocumentParams);
    const access = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canEditDocumentContent,
      'Only owners and editors change the status.',
    );
    const { document, membership } = access;
    const { body } = validate(req, { body: ChangeStatusBody });
    if (isValidTransition(document.status, body.status)) {
      authorize(
        canChangeStatus(actor, membership, document, body.status),
        'Only owners approve, publish or withdraw a document.',
      );
    }
    const updated = await withVersionConflictDetails({ storage, documentId: id }, () =>
      changeDocumentStatus({
        storage,
        events,
        actor,
        document,
        status: body.status,
        ...(body.baseVersion === undefined ? {} : { baseVersion: body.baseVersion }),
        ...(body.note === undefined ? {} : { note: body.note }),
        ip: clientIp(req),
      }),
    );
    res.json({
      document: await presentDocumentTo({
        storage,
        document: updated,
        caller: { actor, ...access },
      }),
    });
  });

  router.delete('/documents/:id', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, DocumentParams);
    const { document } = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canDeleteDocument,
      'Only owners, or the editor who created it, delete a document.',
    );
    await trashDocument({ storage, events, collab, actor, document, ip: clientIp(req) });
    res.status(204).end();
  });

  router.post('/documents/:id/restore', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, DocumentParams);
    const access = await loadDocumentAccess({ storage, actor, documentId: id });
    const { document, membership, workspace } = access;
    // Answers like GET for whoever cannot see the trashed document: 404, not 403.
    if (document.deletedAt && !canReadTrashedDocument(actor, membership, document))
      throw new NotFoundError('No such document.');
    if (!document.deletedAt)
      throw new ConflictError('The document is not in the trash.', 'not_trashed');
    authorize(canRestoreDocument(actor, membership, document), 'Only owners restore documents.');
    assertWritableWorkspace(workspace);
    const restored = await restoreDocument({
      storage,
      events,
      actor,
      document,
      ip: clientIp(req),
    });
    res.json({
      document: await presentDocumentTo({
        storage,
        document: restored,
        caller: { actor, ...access },
      }),
    });
  });

  router.use(createWorkspaceDocumentsRouter(deps));
  router.use(createCollabTokenRouter(deps));
  router.use(createTemplateSectionsRouter(deps));
  router.use(createExportRouter(deps));
  router.use(createImportRouter(deps));
  router.use(createOriginalFileRouter(deps));
  router.use(createVersionsRouter(deps));
  router.use(createSharesRouter(deps));
  return router;
}
