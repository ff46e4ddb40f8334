/**
 * Live document details: a title, status or details change made over HTTP reaches open
 * pages as `document:updated` (rooms `doc:<id>` and `workspace:<id>`), and a write based on
 * an older `version` gets 409 `version_conflict` with the current record, writing nothing.
 * Real server, real socket.io-client sockets carrying the session cookies of real sign-ins.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import type { DocumentUpdated } from '../../shared/realtime/events';
import {
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import type { TestServer } from '../helpers/server';
import { connected, openSocket, rawRequest, type ClientSocket } from './helpers';

/** The promise: open pages see the change within a second. */
const WITHIN_MS = 1_000;

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

const openSockets: ClientSocket[] = [];
afterEach(() => {
  for (const socket of openSockets.splice(0)) socket.disconnect();
});

async function socketOf(cookie: string): Promise<ClientSocket> {
  const socket = openSocket(server.url, { cookie });
  openSockets.push(socket);
  return connected(socket);
}

/** Resolves with the next `document:updated` about `documentId`; rejects after `WITHIN_MS`. */
function nextDocumentUpdate(socket: ClientSocket, documentId: string): Promise<DocumentDto> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('document:updated', listener);
      reject(new Error(`no document:updated within ${WITHIN_MS} ms`));
    }, WITHIN_MS);
    const listener = ({ document }: DocumentUpdated): void => {
      if (document.id !== documentId) return;
      clearTimeout(timer);
      socket.off('document:updated', listener);
      resolve(document);
    };
    socket.on('document:updated', listener);
  });
}

/** A socket with the document open (`doc:<id>`) and one watching the workspace list. */
async function watchers(documentId: string) {
  const inDocument = await socketOf(world.viewer.client.cookieHeader());
  expect(await rawRequest(inDocument, 'presence:open', { documentId })).toEqual({ ok: true });
  const inWorkspace = await socketOf(world.reviewer.client.cookieHeader());
  const subscribed = await rawRequest(inWorkspace, 'workspace:subscribe', {
    workspaceId: world.workspace.id,
  });
  expect(subscribed).toEqual({ ok: true });
  return { inDocument, inWorkspace };
}

describe('document:updated', () => {
  it('a status change reaches the document room and the workspace room within a second', async () => {
    const document = await createDoc(world, { title: 'Live status', kind: 'note' });
    const { inDocument, inWorkspace } = await watchers(document.id);
    const heard = Promise.all([
      nextDocumentUpdate(inDocument, document.id),
      nextDocumentUpdate(inWorkspace, document.id),
    ]);
    const changed = await world.editor.client.post<{ document: DocumentDto }>(
      `/api/documents/${document.id}/status`,
      { status: 'in-review', baseVersion: document.version },
    );
    const answer = expectStatus(changed, 200).document;
    expect(answer.version).toBe(document.version + 1);
    for (const seen of await heard) {
      expect(seen).toMatchObject({ id: document.id, status: 'in-review', version: answer.version });
    }
  });

  it('a details change is broadcast too, and audited', async () => {
    const document = await createDoc(world, { title: 'Live details', kind: 'note' });
    const { inWorkspace } = await watchers(document.id);
    const heard = nextDocumentUpdate(inWorkspace, document.id);
    const patched = await world.editor.client.patch<{ document: DocumentDto }>(
      `/api/documents/${document.id}`,
      { title: 'Live details, renamed', policyAreas: ['housing'], baseVersion: document.version },
    );
    expect(expectStatus(patched, 200).document.version).toBe(document.version + 1);
    expect(await heard).toMatchObject({ title: 'Live details, renamed', policyAreas: ['housing'] });
    const audit = await server.storage.listAudit({ action: 'document.updated', limit: 50 });
    expect(audit.some((event) => event.targetId === document.id)).toBe(true);
  });
});

describe('baseVersion', () => {
  it('a stale baseVersion gets 409 version_conflict with the current record; nothing is written', async () => {
    const document = await createDoc(world, { title: 'Contested', kind: 'note' });
    const first = await world.editor.client.patch<{ document: DocumentDto }>(
      `/api/documents/${document.id}`,
      { title: 'First writer', baseVersion: document.version },
    );
    const current = expectStatus(first, 200).document;

    const stale = await world.owner.client.patch<{
      error: { code: string; details: { document: DocumentDto } };
    }>(`/api/documents/${document.id}`, {
      title: 'Second writer',
      stakeholders: ['ngos'],
      baseVersion: document.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.details.document).toMatchObject({
      id: document.id,
      title: 'First writer',
      version: current.version,
    });
    const staleStatus = await world.owner.client.post<{ error: { code: string } }>(
      `/api/documents/${document.id}/status`,
      { status: 'in-review', baseVersion: document.version },
    );
    expect(staleStatus.status).toBe(409);
    expect(staleStatus.body.error.code).toBe('version_conflict');

    const stored = await server.storage.getDocument({ id: document.id });
    expect(stored).toMatchObject({
      title: 'First writer',
      stakeholders: [],
      status: 'draft',
      version: current.version,
    });
    // Without a baseVersion the last writer wins, as before.
    const unconditional = await world.owner.client.patch<{ document: DocumentDto }>(
      `/api/documents/${document.id}`,
      { title: 'Last writer' },
    );
    expect(expectStatus(unconditional, 200).document.title).toBe('Last writer');
  });
});
