/** Uploads to `POST /api/workspaces/:id/documents/import` as the browser's import dialog does. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentDto } from '../../shared/api/entities';
import type { ApiClient } from '../helpers/server';
import { documentsPath, type WorkspaceWorld } from './workspaceWorld';

/** The bytes of a file in `tests/fixtures/`. */
export const fixture = (name: string): Buffer =>
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name));

/** An import's answer: the document, or the error. */
export interface Upload {
  status: number;
  body: { document?: DocumentDto; error?: { code: string } };
}

/** Posts a multipart form like the browser's import dialog (fields default to a case study). */
export async function upload(
  world: WorkspaceWorld,
  client: ApiClient,
  form: { files?: { name: string; data: Buffer }[]; fields?: Record<string, string> },
): Promise<Upload> {
  const body = new FormData();
  for (const [key, value] of Object.entries(form.fields ?? { kind: 'case-study' })) {
    body.append(key, value);
  }
  for (const file of form.files ?? [])
    body.append('file', new Blob([new Uint8Array(file.data)]), file.name);
  const response = await fetch(`${client.baseUrl}${documentsPath(world, '/import')}`, {
    method: 'POST',
    headers: { Origin: client.baseUrl, Cookie: client.cookieHeader() },
    body,
  });
  return { status: response.status, body: (await response.json()) as Upload['body'] };
}
