/**
 * The client's data layer rules: reads are retried only when the network failed (never on a
 * 4xx answer), keys nest so a workspace's document lists are one prefix, and a broadcast
 * `document:updated` updates the cached document (keeping what only an answer can say) but
 * never replaces a newer copy.
 */
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { ApiError } from '../../client/src/api/http';
import { storeDocument } from '../../client/src/query/documentCache';
import { shouldRetry } from '../../client/src/query/queryClient';
import { queryKeys } from '../../client/src/query/queryKeys';
import { writeQueryData } from '../../client/src/query/writeQueryData';

const document: DocumentDto = {
  id: 'doc-1',
  workspaceId: 'ws-1',
  title: 'Before',
  kind: 'guideline',
  status: 'draft',
  cityId: null,
  policyAreas: [],
  stakeholders: [],
  language: 'en',
  linkAccess: 'restricted',
  createdById: 'user-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  version: 3,
  outline: [{ level: 1, text: 'Intro' }],
  wordCount: 12,
  lastEditors: [],
  contentUpdatedAt: null,
};

describe('shouldRetry', () => {
  it('retries a network failure a few times and a 4xx or 5xx never', () => {
    const offline = new ApiError({ status: 0, code: 'network_error', message: 'offline' });
    expect(shouldRetry(0, offline)).toBe(true);
    expect(shouldRetry(3, offline)).toBe(false);
    expect(shouldRetry(0, new ApiError({ status: 404, code: 'not_found', message: '' }))).toBe(
      false,
    );
    expect(shouldRetry(0, new ApiError({ status: 500, code: 'internal_error', message: '' }))).toBe(
      false,
    );
  });
});

describe('queryKeys', () => {
  it('nests every filtered document list under its workspace, empty filters dropped', () => {
    const list = queryKeys.workspaceDocuments('ws-1', { kind: '', q: 'housing' });
    expect(list).toEqual(['workspaces', 'ws-1', 'documents', { q: 'housing' }]);
    expect(list.slice(0, 3)).toEqual([...queryKeys.workspaceDocumentLists('ws-1')]);
    expect(queryKeys.workspaceDocumentLists('ws-1').slice(0, 2)).toEqual([
      ...queryKeys.workspace('ws-1'),
    ]);
  });
});

describe('storeDocument', () => {
  it('takes the facts of a broadcast, keeps the rest, and ignores an older broadcast', () => {
    const client = new QueryClient();
    const key = queryKeys.document(document.id);
    client.setQueryData(key, { document });
    const broadcast = { ...document, title: 'After', status: 'in-review' as const, version: 4 };
    storeDocument(client, { ...broadcast, outline: [] }, 'broadcast');
    const cached = client.getQueryData<{ document: DocumentDto }>(key)?.document;
    expect(cached).toMatchObject({ title: 'After', status: 'in-review', version: 4 });
    expect(cached?.outline).toEqual(document.outline);
    storeDocument(client, { ...document, title: 'Late', version: 2 }, 'broadcast');
    expect(client.getQueryData<{ document: DocumentDto }>(key)?.document.title).toBe('After');
  });

  it('marks the workspace lists stale after a change', async () => {
    const client = new QueryClient();
    const listKey = queryKeys.workspaceDocuments('ws-1', {});
    client.setQueryData(listKey, { documents: [document] });
    storeDocument(client, { ...document, version: 4 }, 'answer');
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
  });
});

describe('writeQueryData', () => {
  it('keeps a write made while a refresh was in flight (the refresh answer does not undo it)', async () => {
    const client = new QueryClient();
    const key = ['settings'];
    client.setQueryData(key, { open: false });
    let answer: (value: { open: boolean }) => void = () => undefined;
    const refresh = client.fetchQuery({
      queryKey: key,
      queryFn: () => new Promise<{ open: boolean }>((resolve) => (answer = resolve)),
      staleTime: 0,
    });

    writeQueryData<{ open: boolean }>(client, key, () => ({ open: true }));
    answer({ open: false });
    await refresh.catch(() => undefined);

    expect(client.getQueryData(key)).toEqual({ open: true });
    expect(client.getQueryState(key)?.fetchStatus).toBe('idle');
  });

  it('leaves a query that has no answer yet alone', () => {
    const client = new QueryClient();
    writeQueryData<{ open: boolean }>(client, ['settings'], () => ({ open: true }));
    expect(client.getQueryData(['settings'])).toBeUndefined();
  });
});
