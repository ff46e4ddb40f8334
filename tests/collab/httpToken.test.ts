/**
 * End to end through the real app: sign up, create a workspace and a document over HTTP, get
 * collab tokens from `POST /api/documents/:id/collab-token`, and edit with stock providers.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  createApiClient,
  registerWithInvitation,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/server';
import type { CollabTokenDto } from '../../shared/api/entities';
import { requestCollabToken, useCollabScope, waitFor, waitHandled } from './helpers';

const { defer } = useCollabScope();

async function openDoc(
  api: ApiClient,
  documentId: string,
): Promise<{ ydoc: Y.Doc; provider: WebsocketProvider; answer: CollabTokenDto }> {
  const answer = await requestCollabToken(api, documentId);
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(answer.serverUrl, answer.room, ydoc, {
    params: { token: answer.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  defer(() => provider.destroy());
  await waitFor(() => provider.synced, 'provider synced');
  return { ydoc, provider, answer };
}

describe('collab through the HTTP token route', () => {
  it('serves the template, applies owner edits, drops a viewer’s, and refreshes derived fields', async () => {
    const server: TestServer = await startTestServer();
    defer(() => server.close());
    const owner = await signUpAdmin(createApiClient(server.url));
    const workspace = await owner.client.post<{ workspace: { id: string } }>('/api/workspaces', {
      name: 'Housing and integration',
    });
    expect(workspace.status).toBe(201);
    const workspaceId = workspace.body.workspace.id;
    const created = await owner.client.post<{ document: { id: string } }>(
      `/api/workspaces/${workspaceId}/documents`,
      {
        title: 'Stuttgart case study',
        kind: 'case-study',
      },
    );
    expect(created.status).toBe(201);
    const documentId = created.body.document.id;
    const invited = await owner.client.post<{ invitation: { token: string } }>(
      `/api/workspaces/${workspaceId}/members`,
      {
        email: 'viewer@example.test',
        role: 'viewer',
      },
    );
    expect(invited.status).toBe(201);
    const viewer = await registerWithInvitation({
      baseUrl: server.url,
      token: invited.body.invitation.token,
      email: 'viewer@example.test',
    });

    const ownerDoc = await openDoc(owner.client, documentId);
    const viewerDoc = await openDoc(viewer.client, documentId);
    expect(ownerDoc.answer.canWrite).toBe(true);
    expect(viewerDoc.answer.canWrite).toBe(false);
    const fragment = ownerDoc.ydoc.getXmlFragment('default');
    expect(fragment.length).toBeGreaterThan(0);
    expect(viewerDoc.ydoc.getXmlFragment('default').toString()).toBe(fragment.toString());

    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 1 as unknown as string);
    heading.insert(0, [new Y.XmlText('Live edit from Stuttgart')]);
    fragment.insert(0, [heading]);
    const viewerParagraph = new Y.XmlElement('paragraph');
    viewerParagraph.insert(0, [new Y.XmlText('viewer scribble')]);
    viewerDoc.ydoc.getXmlFragment('default').insert(0, [viewerParagraph]);
    await waitFor(
      () =>
        viewerDoc.ydoc.getXmlFragment('default').toString().includes('Live edit from Stuttgart'),
      'viewer receives',
    );
    await waitHandled({ sender: viewerDoc.provider, observer: ownerDoc.provider });
    expect(fragment.toString()).not.toContain('viewer scribble');

    await waitFor(
      async () => {
        const res = await owner.client.get<{
          document: { outline: Array<{ text: string }>; plainText?: string };
        }>(`/api/documents/${documentId}`);
        return res.body.document.outline.some((entry) => entry.text === 'Live edit from Stuttgart');
      },
      'derived outline refreshed through the API',
      6000,
    );
  }, 20_000);
});
