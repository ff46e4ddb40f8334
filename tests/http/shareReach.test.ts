/**
 * Shared documents through the real server as access changes under open connections: revoking
 * a share ends the sharee's open y-websocket connection and Socket.IO room within seconds, and
 * a lowered role makes it read-only at once; link reach (restricted, network, public), whose
 * narrowing closes a link reader's connection; search finds shared documents for their sharee
 * only. What a share gives and to whom, and pending document invitations: `shares.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import type { SearchAnswerDto } from '../../shared/api/search';
import { CLOSE_CODES } from '../../shared/closeCodes';
import type { ServerToClientEvents } from '../../shared/realtime/events';
import { openDocumentClient } from '../comments/anchors';
import { sleep, waitFor } from '../collab/helpers';
import type { ApiClient, TestServer } from '../helpers/server';
import { connected, openSocket, rawRequest } from '../realtime/helpers';
import { getDocument, useShareWorld } from './sharesHelpers';
import { createDoc, expectStatus, type WorkspaceWorld } from './workspaceWorld';

/** What DESIGN.md promises: a revoked person's connections end within seconds. */
const WITHIN_MS = 3_000;

let server: TestServer;
let world: WorkspaceWorld;
const { opened, newOutsider, share } = useShareWorld((started) => {
  ({ server, world } = started);
});

describe('revoking a share', () => {
  it('ends the sharee’s open collab connection and Socket.IO room within seconds', async () => {
    const document = await createDoc(world, { title: 'Revoked while open' });
    const guest = await newOutsider('Rolf Revoked');
    const { share: given } = await share(document.id, guest.email, 'editor');

    const collab = await openDocumentClient(guest.client, document.id);
    opened.push(collab);
    const socket = await connected(openSocket(server.url, { cookie: guest.client.cookieHeader() }));
    opened.push(socket);
    expect(await rawRequest(socket, 'presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });
    const control = await connected(
      openSocket(server.url, { cookie: world.owner.client.cookieHeader() }),
    );
    opened.push(control);
    expect(await rawRequest(control, 'presence:open', { documentId: document.id })).toEqual({
      ok: true,
    });

    const startedAt = Date.now();
    const res = await world.owner.client.delete(`/api/documents/${document.id}/shares/${given.id}`);
    expect(res.status).toBe(204);
    await waitFor(
      () => collab.closeCodes.includes(CLOSE_CODES.forbidden),
      'the sharee’s collab connection closed with 4403',
      WITHIN_MS,
    );
    expect(Date.now() - startedAt).toBeLessThan(WITHIN_MS);

    // The room is left: an update to the document reaches the owner, not the former sharee.
    const heard: string[] = [];
    const listen = (who: string) =>
      ((payload: Parameters<ServerToClientEvents['document:updated']>[0]) => {
        if (payload.document.id === document.id) heard.push(who);
      }) as never;
    socket.on('document:updated', listen('guest'));
    control.on('document:updated', listen('owner'));
    expectStatus(
      await world.owner.client.patch(`/api/documents/${document.id}`, { title: 'After revoke' }),
      200,
    );
    await waitFor(() => heard.includes('owner'), 'the owner hears the update', WITHIN_MS);
    await sleep(200);
    expect(heard).toEqual(['owner']);
    expect((await getDocument(guest.client, document.id)).status).toBe(404);
    expect(await rawRequest(socket, 'presence:open', { documentId: document.id })).toMatchObject({
      ok: false,
    });
  });

  it('a lowered role makes the open connection read-only at once', async () => {
    const document = await createDoc(world, { title: 'Lowered while open' });
    const guest = await newOutsider('Lena Lowered');
    await share(document.id, guest.email, 'editor');
    const collab = await openDocumentClient(guest.client, document.id);
    opened.push(collab);
    await share(document.id, guest.email, 'viewer');
    const token = await guest.client.post<{ canWrite: boolean }>(
      `/api/documents/${document.id}/collab-token`,
    );
    expect(expectStatus(token, 200).canWrite).toBe(false);
    expect(collab.closeCodes).toEqual([]);
  });
});

describe('link reach', () => {
  it('restricted, then anyone signed in, then the public, then restricted again', async () => {
    const document = await createDoc(world, { title: 'Reach of the link' });
    const path = `/api/documents/${document.id}`;
    expect((await getDocument(world.outsider.client, document.id)).status).toBe(404);
    expect((await world.anonymous.get(path)).status).toBe(401);
    expect((await world.editor.client.patch(path, { linkAccess: 'network' })).status).toBe(403);

    const network = await world.owner.client.patch<{ document: DocumentDto }>(path, {
      linkAccess: 'network',
    });
    expect(expectStatus(network, 200).document.linkAccess).toBe('network');
    const asOutsider = await getDocument(world.outsider.client, document.id);
    expect(asOutsider.status).toBe(200);
    expect(asOutsider.document?.abilities).toMatchObject({
      read: true,
      comment: false,
      edit: false,
    });
    expect((await world.anonymous.get(path)).status).toBe(401);
    expect((await world.anonymous.get(`${path}/export?format=html`)).status).toBe(404);
    // An outsider reading by the link keeps a live (read-only) connection…
    const collab = await openDocumentClient(world.outsider.client, document.id);
    opened.push(collab);

    expectStatus(await world.owner.client.patch(path, { linkAccess: 'public' }), 200);
    const anonymous = await world.anonymous.get<{ document: DocumentDto }>(path);
    expect(expectStatus(anonymous, 200).document.abilities).toMatchObject({
      read: true,
      edit: false,
      comment: false,
    });
    expect((await world.anonymous.get(`${path}/export?format=md`)).status).toBe(200);
    expect((await world.anonymous.get(`${path}/threads`)).status).toBe(401);

    // …that closes when the reach is narrowed again.
    expectStatus(await world.owner.client.patch(path, { linkAccess: 'restricted' }), 200);
    await waitFor(
      () => collab.closeCodes.includes(CLOSE_CODES.forbidden),
      'the link reader’s connection closed',
      WITHIN_MS,
    );
    expect((await getDocument(world.outsider.client, document.id)).status).toBe(404);
    expect((await world.anonymous.get(path)).status).toBe(401);
    const bad = await world.owner.client.patch(path, { linkAccess: 'everyone' });
    expect(bad.status).toBe(400);
  });
});

describe('search over shared documents', () => {
  it('finds a shared document for its sharee only, until the share is revoked', async () => {
    const document = await createDoc(world, { title: 'Zwischennutzung shared' });
    await createDoc(world, { title: 'Zwischennutzung internal' });
    const guest = await newOutsider('Suse Searcher');
    const stranger = await newOutsider('Stan Stranger');
    const search = async (client: ApiClient) =>
      expectStatus(
        await client.get<SearchAnswerDto>('/api/search?q=zwischennutzung'),
        200,
      ).results.map((result) => result.document.id);
    expect(await search(guest.client)).toEqual([]);
    const { share: given } = await share(document.id, guest.email, 'viewer');
    expect(await search(guest.client)).toEqual([document.id]);
    expect(await search(stranger.client)).toEqual([]);
    expect(await search(world.viewer.client)).toHaveLength(2);
    await world.owner.client.delete(`/api/documents/${document.id}/shares/${given.id}`);
    expect(await search(guest.client)).toEqual([]);
  });
});
