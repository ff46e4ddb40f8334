/**
 * `POST /api/workspaces/:id/documents/import`: a new document from an uploaded Word (.docx)
 * or Markdown file (multipart: `file`, `kind`, optional `title` and `keepOriginal`). The file
 * is read in memory, turned into editor content, and the document is created with that
 * content in one transaction; the uploaded file itself is kept with it only when
 * `keepOriginal=true` (then downloadable at `GET /api/documents/:id/original`).
 */
import express, { type Router } from 'express';
import { ImportFields } from '../../../shared/api/exports';
import { WorkspaceParams } from '../../../shared/api/workspaces';
import { createDocument } from '../../commands/createDocument';
import { stateFromDocumentNode } from '../../editor/documentContent';
import { AppError } from '../../errors';
import { getActor, requireUser } from '../../http/authentication';
import { receiveSingleFile } from '../../http/upload';
import { validate } from '../../http/validate';
import { importDocumentFile, originalFileName } from '../../imports';
import { documentTooLarge } from '../../imports/importErrors';
import { canCreateDocument } from '../../policies/workspace';
import { presentDocumentTo } from '../../presenters/document';
import type { RouteDeps } from '../deps';
import {
  assertWritableWorkspace,
  authorize,
  loadWorkspaceAccess,
  parseParams,
} from '../workspaces/access';

/** The title when neither the form nor the file name gives a usable one. */
const FALLBACK_TITLE = 'Imported document';

/** Router for document imports. */
export function createImportRouter(
  deps: Pick<RouteDeps, 'storage' | 'config' | 'creationLimits'>,
): Router {
  const { storage, config, creationLimits } = deps;
  const router = express.Router();

  router.post(
    '/workspaces/:id/documents/import',
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
      assertWritableWorkspace(access.workspace);

      const upload = await receiveSingleFile(req, res, {
        field: 'file',
        maxBytes: config.importLimits.maxBytes,
      });
      const { body } = validate({ body: upload.fields }, { body: ImportFields });
      if (!upload.file) {
        throw new AppError({
          status: 400,
          code: 'import_file_missing',
          message: 'Send the file to import in the form field "file".',
        });
      }
      const imported = await importDocumentFile({
        fileName: upload.file.originalName,
        file: upload.file.buffer,
        maxUncompressedBytes: config.importLimits.maxUncompressedBytes,
      });
      const initialState = stateFromDocumentNode(imported.doc);
      // The same cap as live editing: a document that could not be edited is not created.
      if (initialState.byteLength > config.collabLimits.maxDocBytes) throw documentTooLarge();
      const fileTitle = ImportFields.shape.title.safeParse(imported.titleFromFile);
      const document = await createDocument({
        storage,
        actor,
        workspaceId: id,
        title:
          body.title ?? (fileTitle.success && fileTitle.data ? fileTitle.data : FALLBACK_TITLE),
        kind: body.kind,
        initialState,
        ...(body.keepOriginal
          ? {
              original: {
                name: originalFileName(upload.file.originalName),
                contentType: imported.contentType,
                bytes: upload.file.buffer,
              },
            }
          : {}),
      });
      res.status(201).json({
        document: await presentDocumentTo({ storage, document, caller: { actor, ...access } }),
      });
    },
  );

  return router;
}
