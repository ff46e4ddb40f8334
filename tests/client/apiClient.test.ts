/** The typed API client sends each endpoint's method, path and checked body, and no more. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../client/src/api/client';
import { ApiError } from '../../client/src/api/http';

interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

describe('api client', () => {
  let sent: SentRequest[];

  beforeEach(() => {
    sent = [];
    vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
      sent.push({
        method: init.method ?? 'GET',
        path,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      });
      return new Response(JSON.stringify({ ok: true }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends GETs without a body and escapes path parts', async () => {
    await api.workspaces.get('a/b');
    await api.documents.recent(3);
    expect(sent).toEqual([
      { method: 'GET', path: '/api/workspaces/a%2Fb', body: undefined },
      { method: 'GET', path: '/api/documents?limit=3', body: undefined },
    ]);
  });

  it('leaves empty filters out of the document query', async () => {
    await api.workspaces.documents({ workspaceId: 'w1', filters: { kind: '', q: 'heat' } });
    expect(sent[0]?.path).toBe('/api/workspaces/w1/documents?q=heat');
  });

  it('sends validated bodies with their method', async () => {
    await api.workspaces.addMember({ workspaceId: 'w1', email: 'a@example.org', role: 'editor' });
    await api.documents.setStatus({ documentId: 'd1', status: 'in-review' });
    await api.documents.remove('d1');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/workspaces/w1/members',
        body: { email: 'a@example.org', role: 'editor' },
      },
      { method: 'POST', path: '/api/documents/d1/status', body: { status: 'in-review' } },
      { method: 'DELETE', path: '/api/documents/d1', body: undefined },
    ]);
  });

  it('rejects a bad body before anything is sent', async () => {
    const attempt = async () => api.auth.login({ email: 'not an address', password: 'x' });
    await expect(attempt()).rejects.toMatchObject({ code: 'validation_failed', status: 400 });
    await expect(attempt()).rejects.toBeInstanceOf(ApiError);
    expect(sent).toEqual([]);
  });
});
