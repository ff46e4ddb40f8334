/**
 * The real server for browser tests: `startTestServer` (fresh SQLite in a temp dir, port 0)
 * serving the client build made by the e2e global setup.
 */
import { inject } from 'vitest';
import type { DocumentDto, WorkspaceDto } from '../../shared/api/entities';
import type { ServerTuning } from '../../server/server';
import type { DocumentKind } from '../../shared/domain';
import {
  createApiClient,
  inviteAndRegister,
  signUpAdmin,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/server';

/** A running server with the built client and its own data dir. */
export type E2eServer = TestServer;

/** Starts the server on 127.0.0.1:0 with the client from `inject('e2eClientDir')`. */
export function startE2eServer(): Promise<E2eServer> {
  return startTestServer({}, { clientDir: inject('e2eClientDir') });
}

/**
 * A server with `env` overrides (e.g. a tight collab cap), Ana Admin (with `password`)
 * and one note in one workspace: the setting of the stories about refused connections.
 */
export async function startServerWithOneNote(input: {
  env: Record<string, string>;
  password: string;
  /** Internal knobs (e.g. a long collab `flushDelayMs` to hold writes back). */
  tuning?: ServerTuning;
}): Promise<{ server: E2eServer; documentUrl: string }> {
  const server = await startTestServer(input.env, {
    clientDir: inject('e2eClientDir'),
    ...(input.tuning ? { tuning: input.tuning } : {}),
  });
  const { admin, workspaceId } = await seedAdminWorkspace({
    serverUrl: server.url,
    password: input.password,
  });
  const document = await admin.post<{ document: DocumentDto }>(
    `/api/workspaces/${workspaceId}/documents`,
    { title: 'Notes from the Bologna visit', kind: 'note' },
  );
  return { server, documentUrl: `/documents/${document.body.document.id}` };
}

/** Ana Admin (the first account, with `password`) and her "Housing and integration" workspace. */
export async function seedAdminWorkspace(input: {
  serverUrl: string;
  password: string;
}): Promise<{ admin: ApiClient; workspaceId: string }> {
  const admin = createApiClient(input.serverUrl);
  await signUpAdmin(admin, {
    name: 'Ana Admin',
    email: 'ana@stuttgart.example',
    password: input.password,
  });
  const created = await admin.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
    name: 'Housing and integration',
  });
  return { admin, workspaceId: created.body.workspace.id };
}

/**
 * Ana Admin's workspace with one more member (registered with `input.password`) and one
 * document: the start of the stories where two people work on one document.
 */
export async function seedSharedDocument(input: {
  serverUrl: string;
  password: string;
  member: { email: string; name: string; role: 'editor' | 'reviewer' | 'viewer' };
  document: { title: string; kind: DocumentKind };
}): Promise<{ admin: ApiClient; workspaceId: string; documentId: string }> {
  const { admin, workspaceId } = await seedAdminWorkspace(input);
  const { email, name, role } = input.member;
  await inviteAndRegister({ admin, email, name, password: input.password });
  await admin.post(`/api/workspaces/${workspaceId}/members`, { email, role });
  const document = await admin.post<{ document: DocumentDto }>(
    `/api/workspaces/${workspaceId}/documents`,
    input.document,
  );
  return { admin, workspaceId, documentId: document.body.document.id };
}
