/**
 * `/api/workspaces/:id/documents`: list a workspace's documents (with filters, or its trash)
 * and create one from its kind's template.
 */
import express, { type Router } from 'express';
import { CreateDocumentBody, ListDocumentsQuery } from '../../../shared/api/documents';
import { WorkspaceParams } from '../../../shared/api/workspaces';
import { createDocument } from '../../commands/createDocument';
import { isTrashExpired } from '../../commands/trash';
import { getActor, requireUser } from '../../http/authentication';
import { validate } from '../../http/validate';
import { canCreateDocument, canViewTrash } from '../../policies/workspace';
import { presentDocumentTo, presentDocuments } from '../../presenters/document';
import type { DocumentFilter } from '../../storage/types';
import type { RouteDeps } from '../deps';
import {
  assertWritableWorkspace,
  authorize,
  loadWorkspaceAccess,
  parseParams,
} from '../workspaces/access';

/** Router for the documents of one workspace. */
export function createWorkspaceDocumentsRouter(
  deps: Pick<RouteDeps, 'storage' | 'creationLimits'>,
): Router {
  const { storage, creationLimits } = deps;
  const router = express.Router();

  router.post(
    '/workspaces/:id/documents',
    requireUser,
    creationLimits.documents,
    async (req, res) => {
      const actor = getActor(res);
      const { id } = parseParams(req, WorkspaceParams);
      const access = await loadWorkspaceAccess({ storage, actor, workspaceId: id });
      authorize(
        canCreateDocument(actor, access.membership, access.workspace),
        'Only owners and editors create documents.',
      );
      const { body } = validate(req, { body: CreateDocumentBody });
      assertWritableWorkspace(access.workspace);
      const document = await createDocument({
        storage,
        actor,
        workspaceId: id,
        title: body.title,
        kind: body.kind,
        cityId: body.cityId ?? null,
        policyAreas: body.policyAreas ?? [],
        stakeholders: body.stakeholders ?? [],
        language: body.language ?? 'en',
      });
      res.status(201).json({
        document: await presentDocumentTo({ storage, document, caller: { actor, ...access } }),
      });
    },
  );

  // Filters combine; `trash=1` lists the trash instead (owners only). Expired entries are left
  // out here and purged by the composition root's timer: a GET never writes.
  router.get('/workspaces/:id/documents', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, WorkspaceParams);
    const access = await loadWorkspaceAccess({ storage, actor, workspaceId: id });
    const { query } = validate(req, { query: ListDocumentsQuery });
    if (query.trash) {
      authorize(
        canViewTrash(actor, access.membership, access.workspace),
        'Only owners see the trash.',
      );
    }
    const filter: DocumentFilter = {
      workspaceId: id,
      trash: query.trash ? 'trashed' : 'active',
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.cityId ? { cityId: query.cityId } : {}),
      ...(query.policyArea ? { policyArea: query.policyArea } : {}),
      ...(query.q ? { text: query.q } : {}),
    };
    const listed = await storage.listDocuments({ filter });
    const now = new Date();
    const documents = listed.filter((document) => !isTrashExpired(document, now));
    res.json({
      documents: await presentDocuments({
        storage,
        documents,
        callerFor: () => ({ actor, ...access }),
      }),
    });
  });

  return router;
}
