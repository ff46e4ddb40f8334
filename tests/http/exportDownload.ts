/**
 * Test helpers for `GET /api/documents/:id/export`: the raw download (the JSON client would
 * decode binary bodies as text), its error code, and publishing a document through the status
 * workflow so anonymous callers may export it.
 */
import type { DocumentDto } from '../../shared/api/entities';
import type { ApiClient } from '../helpers/server';
import { expectStatus, type WorkspaceWorld } from './workspaceWorld';

/** A download: status, headers and the body's bytes. */
export interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** Downloads `…/export?<query>` as `client` (signed in when it holds a session). */
export async function downloadExport(
  baseUrl: string,
  client: ApiClient,
  documentId: string,
  query: string,
): Promise<Download> {
  const response = await fetch(`${baseUrl}/api/documents/${documentId}/export?${query}`, {
    headers: client.sessionToken ? { Cookie: client.cookieHeader() } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** The `error.code` of a JSON error answer. */
export function errorCode(body: Buffer): string | undefined {
  return (JSON.parse(body.toString('utf8')) as { error?: { code: string } }).error?.code;
}

/** Moves `document` through review and approval to published, as the world's owner. */
export async function publishDocument(world: WorkspaceWorld, document: DocumentDto): Promise<void> {
  for (const status of ['in-review', 'approved', 'published']) {
    expectStatus(
      await world.owner.client.post(`/api/documents/${document.id}/status`, { status }),
      200,
    );
  }
}
