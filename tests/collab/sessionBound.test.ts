/**
 * Collab connections opened with a token from `POST /api/documents/:id/collab-token` live only
 * as long as the sign-in session that token was issued under: signing out, or a password
 * change that ends other sessions, closes them with 4401 and refuses the token afterwards.
 */
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../shared/closeCodes';
import {
  createApiClient,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/server';
import {
  connectClient,
  connectRaw,
  requestCollabToken,
  useCollabScope,
  waitFor,
  waitSynced,
} from './helpers';

const { defer } = useCollabScope();

async function createDocument(api: ApiClient): Promise<string> {
  const workspace = await api.post<{ workspace: { id: string } }>('/api/workspaces', {
    name: 'Housing and integration',
  });
  const created = await api.post<{ document: { id: string } }>(
    `/api/workspaces/${workspace.body.workspace.id}/documents`,
    { title: 'Guideline', kind: 'guideline' },
  );
  expect(created.status).toBe(201);
  return created.body.document.id;
}

async function startServer(): Promise<TestServer> {
  const server = await startTestServer();
  defer(() => server.close());
  return server;
}

describe('collab connections are bound to the sign-in session', () => {
  it('signing out closes the open connection with 4401 and refuses the old token', async () => {
    const server = await startServer();
    const owner = await signUpAdmin(createApiClient(server.url));
    const documentId = await createDocument(owner.client);
    const answer = await requestCollabToken(owner.client, documentId);

    const editor = connectClient({ serverUrl: answer.serverUrl, documentId, token: answer.token });
    defer(() => editor.destroy());
    await waitSynced(editor);

    expect((await owner.client.post('/api/auth/logout')).status).toBe(204);
    await server.server.collab.recheckAccess();
    await waitFor(() => editor.closeCodes.length > 0, 'connection closed');
    expect(editor.closeCodes[0]).toBe(CLOSE_CODES.unauthenticated);

    const replay = connectRaw({ serverUrl: answer.serverUrl, documentId, token: answer.token });
    expect((await replay.closed).code).toBe(CLOSE_CODES.unauthenticated);
  });

  it('a password change ends connections of the other sessions only', async () => {
    const server = await startServer();
    const owner = await signUpAdmin(createApiClient(server.url));
    const documentId = await createDocument(owner.client);
    const otherDevice = createApiClient(server.url);
    const signedIn = await otherDevice.post('/api/auth/login', {
      email: owner.email,
      password: owner.password,
    });
    expect(signedIn.status).toBe(200);

    const here = await requestCollabToken(owner.client, documentId);
    const there = await requestCollabToken(otherDevice, documentId);
    const hereClient = connectClient({ serverUrl: here.serverUrl, documentId, token: here.token });
    const thereClient = connectClient({
      serverUrl: there.serverUrl,
      documentId,
      token: there.token,
    });
    defer(() => hereClient.destroy());
    defer(() => thereClient.destroy());
    await Promise.all([waitSynced(hereClient), waitSynced(thereClient)]);

    const changed = await owner.client.post('/api/auth/password', {
      currentPassword: owner.password,
      newPassword: 'a-brand-new-passphrase-2026',
    });
    expect(changed.status).toBe(204);
    await server.server.collab.recheckAccess();
    await waitFor(() => thereClient.closeCodes.length > 0, 'other session closed');
    expect(thereClient.closeCodes[0]).toBe(CLOSE_CODES.unauthenticated);
    expect(hereClient.closeCodes).toEqual([]);
  });
});
