/**
 * A real server with one workspace and one document, people in it by role, and stock
 * `WebsocketProvider` editors on the document's `default` fragment: the setting of the
 * versions and text-lock tests.
 */
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { extractDerivedContent } from '../../server/collab/derived';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import {
  createApiClient,
  registerWithInvitation,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type SignedUpUser,
  type TestEnvOverrides,
  type TestServer,
  type TestServerOptions,
} from '../helpers/server';
import { requestCollabToken, waitFor } from './helpers';

/** An open editor: its Y.Doc and provider (destroyed by the caller's `defer`). */
export interface OpenEditor {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  /** What the token answer said about writing. */
  canWrite: boolean;
}

/** Opens the document like the browser does (token, then the stock provider) and waits for sync. */
export async function openEditor(
  api: ApiClient,
  documentId: string,
  defer: (cleanup: () => unknown) => void,
): Promise<OpenEditor> {
  const answer = await requestCollabToken(api, documentId);
  const ydoc = new Y.Doc();
  const provider = new WebsocketProvider(answer.serverUrl, answer.room, ydoc, {
    params: { token: answer.token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  defer(() => provider.destroy());
  await waitFor(() => provider.synced, 'provider synced');
  return { ydoc, provider, canWrite: answer.canWrite };
}

/** The text blocks of the editor content, in order. */
export function paragraphsOf(ydoc: Y.Doc): string[] {
  const text = extractDerivedContent(ydoc.getXmlFragment(EDITOR_FRAGMENT)).plainText;
  return text === '' ? [] : text.split('\n');
}

/** Replaces the editor content by one paragraph per string, in one transaction. */
export function setParagraphs(ydoc: Y.Doc, paragraphs: readonly string[]): void {
  const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
  ydoc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, paragraphs.map(paragraph));
  });
}

/** A `paragraph` element holding `text`. */
export function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** The Y.XmlText of the `index`th block. */
export function blockText(ydoc: Y.Doc, index: number): Y.XmlText {
  const block = ydoc.getXmlFragment(EDITOR_FRAGMENT).get(index) as Y.XmlElement;
  return block.get(0) as Y.XmlText;
}

/** The world: a server, its admin (owner of the workspace), one `note` document. */
export interface DocumentWorld {
  server: TestServer;
  owner: SignedUpUser;
  workspaceId: string;
  documentId: string;
  /** Adds a workspace member with `role`, signed in with their own client. */
  member(role: 'owner' | 'editor' | 'reviewer' | 'viewer'): Promise<SignedUpUser>;
  /** A signed-in account that belongs to no workspace. */
  stranger(): Promise<SignedUpUser>;
}

/** Starts the world (closed by `defer`). */
export async function startDocumentWorld(
  defer: (cleanup: () => unknown) => void,
  overrides: TestEnvOverrides = {},
  options: TestServerOptions = {},
): Promise<DocumentWorld> {
  const server = await startTestServer(overrides, options);
  defer(() => server.close());
  const owner = await signUpAdmin(createApiClient(server.url), { name: 'Ana Owner' });
  const workspace = await owner.client.post<{ workspace: { id: string } }>('/api/workspaces', {
    name: 'Housing and integration',
  });
  const workspaceId = workspace.body.workspace.id;
  const created = await owner.client.post<{ document: { id: string } }>(
    `/api/workspaces/${workspaceId}/documents`,
    { title: 'Housing guideline', kind: 'note' },
  );
  expect(created.status).toBe(201);
  let count = 0;
  const invite = async (path: string, body: object, email: string) => {
    const invited = await owner.client.post<{ invitation: { token: string } }>(path, body);
    expect(invited.status).toBe(201);
    return registerWithInvitation({
      baseUrl: server.url,
      token: invited.body.invitation.token,
      email,
    });
  };
  return {
    server,
    owner,
    workspaceId,
    documentId: created.body.document.id,
    member: (role) => {
      const email = `${role}-${(count += 1)}@example.test`;
      return invite(`/api/workspaces/${workspaceId}/members`, { email, role }, email);
    },
    stranger: () => {
      const email = `stranger-${(count += 1)}@example.test`;
      return invite('/api/invitations', { email }, email);
    },
  };
}
