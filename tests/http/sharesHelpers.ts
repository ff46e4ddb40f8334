/**
 * The setting of the share tests (`shares.test.ts`, `shareReach.test.ts`): the workspace world
 * on a real server, what a test opened (collab clients, sockets) closed after it, a new
 * signed-in account outside the workspace, sharing a document through the API, and reading one.
 */
import { afterEach } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import type { CreateShareAnswer } from '../../shared/api/shares';
import type { TestClient } from '../collab/helpers';
import { inviteAndRegister, type ApiClient, type SignedUpUser } from '../helpers/server';
import type { ClientSocket } from '../realtime/helpers';
import {
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
  type WorldServer,
} from './workspaceWorld';

/**
 * Starts the server and builds the world before the file's tests (`ready` hands both over to
 * the file), and closes what each test pushed onto `opened` after it.
 */
export function useShareWorld(ready: (started: WorldServer) => void) {
  let world: WorkspaceWorld;
  useWorkspaceWorld((started) => {
    world = started.world;
    ready(started);
  });

  const opened: Array<TestClient | ClientSocket> = [];
  afterEach(() => {
    for (const thing of opened.splice(0)) {
      if ('disconnect' in thing) thing.disconnect();
      else thing.destroy();
    }
  });

  /** A new signed-in account outside the workspace. */
  function newOutsider(name: string): Promise<SignedUpUser> {
    return inviteAndRegister({ admin: world.admin.client, name });
  }

  /** `owner` shares `documentId` with `email` as `role`; expects 201. */
  async function share(
    documentId: string,
    email: string,
    role: 'editor' | 'reviewer' | 'viewer',
    owner: ApiClient = world.owner.client,
  ): Promise<CreateShareAnswer> {
    const res = await owner.post<CreateShareAnswer>(`/api/documents/${documentId}/shares`, {
      email,
      role,
    });
    return expectStatus(res, 201);
  }

  return { opened, newOutsider, share };
}

/** The status of `GET /api/documents/:id` for `client`, and the document when 200. */
export async function getDocument(client: ApiClient, id: string) {
  const res = await client.get<{ document: DocumentDto }>(`/api/documents/${id}`);
  return { status: res.status, document: res.body.document };
}
