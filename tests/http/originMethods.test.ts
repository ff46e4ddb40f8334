/**
 * The origin check (CSRF defence) on every state-changing method: a signed-in browser tricked
 * by another site into sending POST, PUT, PATCH or DELETE with its cookie is refused with 403
 * `origin_mismatch`, and nothing changes. The same requests from this site go through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signUpAdmin, startTestServer, type TestServer } from '../helpers/server';
import type { ApiClient } from '../helpers/server';

const FOREIGN = { Origin: 'https://evil.example' };

let server: TestServer;
let admin: ApiClient;
let workspaceId: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = createApiClient(server.url);
  await signUpAdmin(admin);
  const created = await admin.post<{ workspace: { id: string } }>('/api/workspaces', {
    name: 'Housing',
  });
  workspaceId = created.body.workspace?.id ?? '';
  expect(workspaceId).not.toBe('');
});
afterAll(async () => {
  await server.close();
});

async function workspaceName(): Promise<string | undefined> {
  const res = await admin.get<{ workspace: { name: string } }>(`/api/workspaces/${workspaceId}`);
  return res.body.workspace?.name;
}

describe('origin check on every state-changing method', () => {
  it('refuses POST, PUT, PATCH and DELETE from another site, whatever the route', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await admin.request({
        method,
        path: `/api/workspaces/${workspaceId}`,
        body: method === 'DELETE' ? undefined : { name: 'Hijacked' },
        headers: FOREIGN,
      });
      expect({ method, status: res.status, code: res.body.error?.code }).toEqual({
        method,
        status: 403,
        code: 'origin_mismatch',
      });
      expect(res.body.error?.message).toMatch(/another site/);
    }
    expect(await workspaceName()).toBe('Housing');
  });

  it('lets the same methods through from this site (they reach the route)', async () => {
    for (const method of ['PUT', 'DELETE'] as const) {
      const res = await admin.request({ method, path: `/api/no-such-route-${method}` });
      expect(res.status).toBe(404);
    }
  });

  it('leaves safe methods alone, whatever their origin', async () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'] as const) {
      const res = await fetch(`${server.url}/api/health`, { method, headers: FOREIGN });
      expect({ method, refused: res.status === 403 }).toEqual({ method, refused: false });
    }
  });
});
