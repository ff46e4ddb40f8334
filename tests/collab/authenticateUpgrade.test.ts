/**
 * The collab endpoint's first gate (`authenticateUpgrade`), called directly with a request's
 * URL over real SQLite: every refusal with the close code and reason the client sees, and what
 * a granted connection may do. The same gate behind real sockets: access.test.ts,
 * sessionBound.test.ts.
 */
import type { IncomingMessage } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../server/auth/sessions';
import { authenticateUpgrade } from '../../server/collab/authenticate';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { Storage } from '../../server/storage/types';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { buildMembership, buildUser, buildWorkspace } from '../helpers/factories';
import { seedDocument, TEST_SECRET, tokenFor } from './helpers';

let dataDir: string;
let storage: Storage;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-upgrade-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The gate's answer for an upgrade request to `url`. */
function upgrade(url: string | undefined) {
  return authenticateUpgrade({
    request: { url } as IncomingMessage,
    secret: TEST_SECRET,
    storage,
  });
}

const urlFor = (documentId: string, token: string): string =>
  `/collab/${documentId}?token=${encodeURIComponent(token)}`;

const refused = (code: number, reason: string) => ({ isAllowed: false, code, reason });

describe('authenticateUpgrade', () => {
  it('grants the owner writing, with the account and session the token names', async () => {
    const { owner, workspace, document } = await seedDocument(storage);
    const { session } = await startSession({ storage, userId: owner.id, ttlDays: 1 });
    const token = tokenFor({ userId: owner.id, documentId: document.id, sessionId: session.id });
    expect(await upgrade(urlFor(document.id, token))).toEqual({
      isAllowed: true,
      grant: {
        documentId: document.id,
        workspaceId: workspace.id,
        userId: owner.id,
        userName: owner.name,
        tokenCanWrite: true,
        sessionId: session.id,
        canWrite: true,
        // Owners edit directly; suggesting is their editor's choice, not the connection's.
        canSuggest: false,
      },
    });
  });

  it('narrows writing to what both the token and the role allow', async () => {
    const { owner, workspace, document } = await seedDocument(storage);
    const viewer = await buildUser(storage);
    await buildMembership(storage, { workspace, user: viewer, role: 'viewer' });
    const readOnly = tokenFor({ userId: owner.id, documentId: document.id, canWrite: false });
    expect(await upgrade(urlFor(document.id, readOnly))).toMatchObject({
      isAllowed: true,
      grant: { tokenCanWrite: false, canWrite: false, sessionId: null },
    });
    const viewerToken = tokenFor({ userId: viewer.id, documentId: document.id });
    expect(await upgrade(urlFor(document.id, viewerToken))).toMatchObject({
      isAllowed: true,
      grant: { userId: viewer.id, tokenCanWrite: true, canWrite: false, canSuggest: false },
    });
    // A reviewer's connection is suggest-only: no direct writing, suggestions checked per update.
    const reviewer = await buildUser(storage);
    await buildMembership(storage, { workspace, user: reviewer, role: 'reviewer' });
    const reviewerToken = tokenFor({ userId: reviewer.id, documentId: document.id });
    expect(await upgrade(urlFor(document.id, reviewerToken))).toMatchObject({
      isAllowed: true,
      grant: { userId: reviewer.id, canWrite: false, canSuggest: true },
    });
  });

  it('takes writing away in an archived workspace', async () => {
    const owner = await buildUser(storage);
    const workspace = await buildWorkspace(storage, { owner, isArchived: true });
    const document = await storage.createDocument({
      workspaceId: workspace.id,
      createdById: owner.id,
      title: 'Archived',
      kind: 'note',
      cityId: null,
      policyAreas: [],
      stakeholders: [],
    });
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    expect(await upgrade(urlFor(document.id, token))).toMatchObject({
      isAllowed: true,
      grant: { canWrite: false },
    });
  });

  it('refuses any path that is not /collab/ and one plain document id', async () => {
    const badPath = refused(CLOSE_CODES.notFound, 'bad document path');
    const { owner, document } = await seedDocument(storage);
    // Each with a token for exactly that id, so only the path can be the reason.
    const ids = [
      '',
      'x'.repeat(129),
      'abc/def',
      'abc/',
      '/abc',
      'a b',
      'abc.def',
      `${document.id}/x`,
    ];
    for (const id of ids) {
      const token = tokenFor({ userId: owner.id, documentId: id });
      expect(await upgrade(urlFor(id, token)), id).toEqual(badPath);
    }
    const token = tokenFor({ userId: owner.id, documentId: document.id });
    expect(await upgrade(`/other/${document.id}?token=${token}`)).toEqual(badPath);
    expect(await upgrade(`/collabx/${document.id}?token=${token}`)).toEqual(badPath);
    expect(await upgrade(undefined)).toEqual(badPath);
    expect(await upgrade('http://[bad')).toEqual(badPath);
    // The longest id the pattern allows passes it (and there is no such document).
    const longest = 'x'.repeat(128);
    expect(
      await upgrade(urlFor(longest, tokenFor({ userId: owner.id, documentId: longest }))),
    ).toEqual(refused(CLOSE_CODES.notFound, 'no such document'));
  });

  it('refuses a missing, forged, expired or misdirected token with 4401', async () => {
    const { owner, document } = await seedDocument(storage);
    const other = await seedDocument(storage);
    expect(await upgrade(`/collab/${document.id}`)).toEqual(
      refused(CLOSE_CODES.unauthenticated, 'missing token'),
    );
    expect(await upgrade(`/collab/${document.id}?token=`)).toEqual(
      refused(CLOSE_CODES.unauthenticated, 'missing token'),
    );
    expect(await upgrade(urlFor(document.id, 'not-a-token'))).toEqual(
      refused(CLOSE_CODES.unauthenticated, 'token malformed'),
    );
    const expired = tokenFor({
      userId: owner.id,
      documentId: document.id,
      now: new Date(Date.now() - 600_000),
    });
    expect(await upgrade(urlFor(document.id, expired))).toEqual(
      refused(CLOSE_CODES.unauthenticated, 'token expired'),
    );
    const forOther = tokenFor({ userId: owner.id, documentId: other.document.id });
    expect(await upgrade(urlFor(document.id, forOther))).toEqual(
      refused(CLOSE_CODES.unauthenticated, 'token is for another document'),
    );
  });

  it('refuses a token whose sign-in session ended or belongs to someone else', async () => {
    const { owner, document } = await seedDocument(storage);
    const stranger = await buildUser(storage);
    const { session } = await startSession({ storage, userId: owner.id, ttlDays: 1 });
    const { session: strangers } = await startSession({ storage, userId: stranger.id, ttlDays: 1 });
    const ended = refused(CLOSE_CODES.unauthenticated, 'session ended');
    const borrowed = tokenFor({
      userId: owner.id,
      documentId: document.id,
      sessionId: strangers.id,
    });
    expect(await upgrade(urlFor(document.id, borrowed))).toEqual(ended);
    const bound = tokenFor({ userId: owner.id, documentId: document.id, sessionId: session.id });
    await storage.deleteSession({ id: session.id });
    expect(await upgrade(urlFor(document.id, bound))).toEqual(ended);
  });

  it('refuses a deactivated account, an outsider, a missing or trashed document', async () => {
    const { owner, workspace, document } = await seedDocument(storage);
    const outsider = await buildUser(storage);
    const inactive = await buildUser(storage);
    await buildMembership(storage, { workspace, user: inactive });
    await storage.updateUser({ id: inactive.id, patch: { isActive: false } });
    const as = (userId: string, documentId = document.id) =>
      upgrade(urlFor(documentId, tokenFor({ userId, documentId })));
    expect(await as(inactive.id)).toEqual(
      refused(CLOSE_CODES.unauthenticated, 'account not active'),
    );
    expect(await as('no-such-user')).toEqual(
      refused(CLOSE_CODES.unauthenticated, 'account not active'),
    );
    expect(await as(outsider.id)).toEqual(
      refused(CLOSE_CODES.forbidden, 'no access to this document'),
    );
    expect(await as(owner.id, 'no-such-document')).toEqual(
      refused(CLOSE_CODES.notFound, 'no such document'),
    );
    await storage.updateDocument({
      id: document.id,
      patch: { deletedAt: new Date(), deletedById: owner.id },
    });
    expect(await as(owner.id)).toEqual(refused(CLOSE_CODES.notFound, 'no such document'));
  });
});
