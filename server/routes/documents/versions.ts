/**
 * Named versions: take one (`POST /api/documents/:id/versions`, owners and editors), list them
 * (`GET /api/documents/:id/versions`), read one (`GET /api/versions/:id`), compare it with
 * another or with the current text (`GET /api/versions/:id/compare?with=`), and restore it
 * through the live document (`POST /api/versions/:id/restore`). Readers of the document may
 * read its versions; anyone else gets 404, as for the document.
 */
import express, { type Router } from 'express';
import { DocumentParams } from '../../../shared/api/documents';
import {
  CompareVersionQuery,
  CreateVersionBody,
  VersionParams,
  type VersionCompareDto,
  type VersionTextDto,
} from '../../../shared/api/versions';
import { restoreVersion } from '../../commands/restoreVersion';
import { takeVersion } from '../../commands/takeVersion';
import { NotFoundError } from '../../errors';
import { getActor, requireUser } from '../../http/authentication';
import { clientIp } from '../../http/requestContext';
import { validate } from '../../http/validate';
import { canEditDocumentContent } from '../../policies/document';
import { presentVersion, presentVersions } from '../../presenters/versions';
import type { Storage, User } from '../../storage/types';
import { compareStates } from '../../versions/compare';
import type { RouteDeps } from '../deps';
import {
  loadAuthorizedLiveDocument,
  loadReadableDocument,
  parseParams,
} from '../workspaces/access';

/** A version whose document the caller may read; 404 for anything else (no existence leak). */
async function loadReadableVersion(input: { storage: Storage; actor: User; versionId: string }) {
  const version = await input.storage.getVersion({ id: input.versionId });
  if (!version) throw new NotFoundError('No such version.');
  try {
    const access = await loadReadableDocument({ ...input, documentId: version.documentId });
    return { ...access, version };
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError('No such version.');
    throw error;
  }
}

/** Router for the version endpoints. */
export function createVersionsRouter(
  deps: Pick<RouteDeps, 'storage' | 'collab' | 'events'>,
): Router {
  const { storage, collab, events } = deps;
  const router = express.Router();

  router.post('/documents/:id/versions', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, DocumentParams);
    await loadAuthorizedLiveDocument(
      { storage, actor, documentId: id },
      canEditDocumentContent,
      'Only owners and editors save versions.',
    );
    const { body } = validate(req, { body: CreateVersionBody });
    const version = await takeVersion({
      storage,
      collab,
      events,
      context: { actor, ip: clientIp(req) },
      documentId: id,
      label: body.label,
    });
    res.status(201).json({ version: await presentVersion({ storage, version }) });
  });

  router.get('/documents/:id/versions', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, DocumentParams);
    await loadReadableDocument({ storage, actor, documentId: id });
    const versions = await storage.listVersions({ documentId: id });
    res.json({ versions: await presentVersions({ storage, versions }) });
  });

  router.get('/versions/:id', requireUser, async (req, res) => {
    const { id } = parseParams(req, VersionParams);
    const { version } = await loadReadableVersion({ storage, actor: getActor(res), versionId: id });
    const answer: VersionTextDto = {
      version: await presentVersion({ storage, version }),
      text: version.plainText,
    };
    res.json(answer);
  });

  router.get('/versions/:id/compare', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, VersionParams);
    const { query } = validate(req, { query: CompareVersionQuery });
    const { version } = await loadReadableVersion({ storage, actor, versionId: id });
    const other = query.with === 'current' ? null : await storage.getVersion({ id: query.with });
    if (query.with !== 'current' && other?.documentId !== version.documentId)
      throw new NotFoundError('No such version of this document.');
    const after = other
      ? other.state
      : await collab.encodeState({ documentId: version.documentId });
    const answer: VersionCompareDto = {
      from: await presentVersion({ storage, version }),
      to: other ? await presentVersion({ storage, version: other }) : null,
      paragraphs: compareStates(version.state, after),
    };
    res.json(answer);
  });

  router.post('/versions/:id/restore', requireUser, async (req, res) => {
    const actor = getActor(res);
    const { id } = parseParams(req, VersionParams);
    const version = await storage.getVersion({ id });
    if (!version) throw new NotFoundError('No such version.');
    // Trashed documents are 404 here too: restore the document from the trash first.
    const { document } = await loadAuthorizedLiveDocument(
      { storage, actor, documentId: version.documentId },
      canEditDocumentContent,
      'Only owners and editors restore versions.',
    ).catch((error: unknown) => {
      if (error instanceof NotFoundError) throw new NotFoundError('No such version.');
      throw error;
    });
    await restoreVersion({ storage, collab, events, actor, document, version, ip: clientIp(req) });
    res.json({ version: await presentVersion({ storage, version }) });
  });

  return router;
}
