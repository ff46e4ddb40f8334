/**
 * Versions live: every version taken — by a person, automatically at a status change, or
 * before a restore — reaches a real socket.io-client that has the document open (`doc:<id>`)
 * as `version:created`, within a second; a person without the document open hears nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { VersionDto } from '../../shared/api/versions';
import type { ServerToClientEvents } from '../../shared/realtime/events';
import type { TestServer } from '../helpers/server';
import {
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from '../http/workspaceWorld';
import { connected, openSocket, rawRequest, type ClientSocket } from '../realtime/helpers';

const WITHIN_MS = 1_000;

type VersionCreated = Parameters<ServerToClientEvents['version:created']>[0];

let server: TestServer;
let world: WorkspaceWorld;
useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

const sockets: ClientSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});

/** Collects every `version:created` the socket hears. */
function collect(socket: ClientSocket): VersionCreated[] {
  const heard: VersionCreated[] = [];
  socket.on('version:created', (payload) => heard.push(payload));
  return heard;
}

/** Polls until `heard` has `count` events; fails after `WITHIN_MS`. */
async function heardWithin(heard: VersionCreated[], count: number): Promise<void> {
  const deadline = Date.now() + WITHIN_MS;
  while (heard.length < count) {
    if (Date.now() > deadline) throw new Error(`heard ${heard.length} of ${count} within 1 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function openSocketFor(cookie: string, documentId?: string): Promise<ClientSocket> {
  const socket = await connected(openSocket(server.url, { cookie }));
  sockets.push(socket);
  if (documentId)
    expect(await rawRequest(socket, 'presence:open', { documentId })).toEqual({ ok: true });
  return socket;
}

describe('live versions', () => {
  it('an open page hears each version taken, at a status change and before a restore', async () => {
    const document = await createDoc(world, { title: 'Live history' });
    const viewer = await openSocketFor(world.viewer.client.cookieHeader(), document.id);
    const heard = collect(viewer);
    const elsewhere = collect(await openSocketFor(world.viewer.client.cookieHeader()));

    const taken = await world.owner.client.post<{ version: VersionDto }>(
      `/api/documents/${document.id}/versions`,
      { label: 'By hand' },
    );
    const { version } = expectStatus(taken, 201);
    await heardWithin(heard, 1);
    expect(heard[0]).toEqual({ documentId: document.id, version });
    expect(heard[0]?.version.author?.id).toBe(world.owner.user.id);

    const status = await world.owner.client.post(`/api/documents/${document.id}/status`, {
      status: 'in-review',
    });
    expect(status.status).toBe(200);
    await heardWithin(heard, 2);
    expect(heard[1]?.version.label).toBe('Status: in-review');

    await world.owner.client.post(`/api/documents/${document.id}/status`, { status: 'draft' });
    await heardWithin(heard, 3);
    const restored = await world.owner.client.post(`/api/versions/${version.id}/restore`, {});
    expect(restored.status).toBeLessThan(300);
    await heardWithin(heard, 4);
    expect(heard[3]?.version.label).toBe('Before restoring “By hand”');

    // A socket that did not open the document is in no `doc:<id>` room.
    expect(elsewhere).toEqual([]);
  });
});
