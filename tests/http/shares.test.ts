/**
 * Sharing one document through the real server: a share gives one person one document with
 * its role and nothing else of the workspace (reviewer, editor, viewer; a share never lowers a
 * member's role), only owners and admins share, and pending document invitations (registering
 * with the link grants the share; revoking one voids the link). What revoking a share or
 * lowering its role does to open connections, link reach, and search over shared documents:
 * `shareReach.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentDto, WorkspaceDto } from '../../shared/api/entities';
import type { DocumentAccessDto } from '../../shared/api/shares';
import { anchorOn, openDocumentClient } from '../comments/anchors';
import { createApiClient, registerWithInvitation, type TestServer } from '../helpers/server';
import { getDocument, useShareWorld } from './sharesHelpers';
import { createDoc, expectStatus, type WorkspaceWorld } from './workspaceWorld';

let server: TestServer;
let world: WorkspaceWorld;
const { opened, newOutsider, share } = useShareWorld((started) => {
  ({ server, world } = started);
});

describe('sharing one document with one person', () => {
  it('gives a reviewer this document with its role, and nothing else of the workspace', async () => {
    const shared = await createDoc(world, { title: 'Shared case study' });
    const other = await createDoc(world, { title: 'Not shared' });
    const guest = await newOutsider('Gita Guest');
    expect((await getDocument(guest.client, shared.id)).status).toBe(404);

    const answer = await share(shared.id, guest.email, 'reviewer');
    expect(answer.share).toMatchObject({
      documentId: shared.id,
      status: 'active',
      role: 'reviewer',
      user: { id: guest.user.id, email: guest.email },
    });
    expect(answer.invitation).toBeUndefined();

    const opened = await getDocument(guest.client, shared.id);
    expect(opened.status).toBe(200);
    expect(opened.document?.abilities).toMatchObject({
      read: true,
      comment: true,
      edit: false,
      editDetails: false,
      changeStatus: false,
      share: false,
      trash: false,
    });
    // Nothing else of the workspace: not the workspace, its list, members or other documents.
    const workspacePath = `/api/workspaces/${world.workspace.id}`;
    expect((await guest.client.get(workspacePath)).status).toBe(404);
    expect((await guest.client.get(`${workspacePath}/documents`)).status).toBe(404);
    expect((await guest.client.get(`${workspacePath}/members`)).status).toBe(404);
    expect((await getDocument(guest.client, other.id)).status).toBe(404);
    const listed = await guest.client.get<{ workspaces: WorkspaceDto[] }>('/api/workspaces');
    expect(expectStatus(listed, 200).workspaces).toEqual([]);
    // Reading paths respect the share; writing beyond the role is refused.
    expect((await guest.client.get(`/api/documents/${shared.id}/threads`)).status).toBe(200);
    expect((await guest.client.get(`/api/documents/${shared.id}/versions`)).status).toBe(200);
    expect((await guest.client.get(`/api/documents/${shared.id}/export?format=md`)).status).toBe(
      200,
    );
    expect((await guest.client.get(`/api/documents/${other.id}/export?format=md`)).status).toBe(
      404,
    );
    const token = await guest.client.post<{ canWrite: boolean }>(
      `/api/documents/${shared.id}/collab-token`,
    );
    expect(expectStatus(token, 200).canWrite).toBe(false);
    expect(
      (await guest.client.patch(`/api/documents/${shared.id}`, { title: 'Renamed' })).status,
    ).toBe(403);
    // "Shared with me" lists it; the recent (workspace) list does not.
    const mine = await guest.client.get<{ documents: DocumentDto[] }>(
      '/api/documents/shared-with-me',
    );
    expect(expectStatus(mine, 200).documents.map((d) => d.id)).toEqual([shared.id]);
    expect(expectStatus(mine, 200).documents[0]?.abilities?.comment).toBe(true);
  });

  it('gives an editor direct edits of this document only, never owner rights', async () => {
    const shared = await createDoc(world, { title: 'Edited by a guest' });
    const guest = await newOutsider('Edda Guest');
    await share(shared.id, guest.email, 'editor');
    const path = `/api/documents/${shared.id}`;
    expect(
      expectStatus(await guest.client.patch(path, { title: 'Guest title' }), 200),
    ).toBeTruthy();
    const token = await guest.client.post<{ canWrite: boolean }>(`${path}/collab-token`);
    expect(expectStatus(token, 200).canWrite).toBe(true);
    // Workspace-level and owner-only actions stay out of reach.
    expect((await guest.client.patch(path, { linkAccess: 'public' })).status).toBe(403);
    expect(
      (await guest.client.post(`${path}/shares`, { email: 'x@example.test', role: 'viewer' }))
        .status,
    ).toBe(403);
    expect((await guest.client.get(`${path}/access`)).status).toBe(403);
    expect((await guest.client.delete(path)).status).toBe(403);
    expect(
      (
        await guest.client.post(`/api/workspaces/${world.workspace.id}/documents`, {
          title: 'Sneaky',
          kind: 'note',
        })
      ).status,
    ).toBe(404);
  });

  it('lets a viewer share read only; a share never lowers a member’s workspace role', async () => {
    const shared = await createDoc(world, { title: 'Read by a guest' });
    const guest = await newOutsider('Vera Guest');
    await share(shared.id, guest.email, 'viewer');
    const opened = await getDocument(guest.client, shared.id);
    expect(opened.document?.abilities).toMatchObject({ read: true, comment: false, edit: false });
    // The workspace editor shared as viewer keeps editing: the stronger access wins.
    await share(shared.id, world.editor.email, 'viewer');
    const editorView = await getDocument(world.editor.client, shared.id);
    expect(editorView.document?.abilities?.edit).toBe(true);
  });

  it('lets a reviewer sharee comment on the text and a viewer sharee only read the threads', async () => {
    const shared = await createDoc(world, { title: 'Commented by guests', kind: 'case-study' });
    const reviewer = await newOutsider('Rita Reviewer');
    const viewer = await newOutsider('Victor Viewer');
    await share(shared.id, reviewer.email, 'reviewer');
    await share(shared.id, viewer.email, 'viewer');
    const view = await openDocumentClient(reviewer.client, shared.id);
    opened.push(view);
    const anchor = anchorOn(view.ydoc, 'City profile');

    const started = await reviewer.client.post<{ thread: { id: string } }>(
      `/api/documents/${shared.id}/threads`,
      { anchor, body: 'Which year are these figures from?' },
    );
    const { thread } = expectStatus(started, 201);
    const refused = await viewer.client.post(`/api/documents/${shared.id}/threads`, {
      anchor,
      body: 'Viewers only read.',
    });
    expect(refused.status).toBe(403);
    expect(
      (await viewer.client.post(`/api/threads/${thread.id}/comments`, { body: 'x' })).status,
    ).toBe(403);
    const listed = await viewer.client.get<{ threads: { id: string }[] }>(
      `/api/documents/${shared.id}/threads`,
    );
    expect(expectStatus(listed, 200).threads.map((t) => t.id)).toEqual([thread.id]);

    // Once the share is gone, so is the thread list and the right to reply.
    const access = await world.owner.client.get<DocumentAccessDto>(
      `/api/documents/${shared.id}/access`,
    );
    const shareId = expectStatus(access, 200).shares.find(
      (s) => s.user?.id === reviewer.user.id,
    )?.id;
    expect(
      (await world.owner.client.delete(`/api/documents/${shared.id}/shares/${shareId}`)).status,
    ).toBe(204);
    expect((await reviewer.client.get(`/api/documents/${shared.id}/threads`)).status).toBe(404);
    expect(
      (await reviewer.client.post(`/api/threads/${thread.id}/comments`, { body: 'still here?' }))
        .status,
    ).toBe(404);
  });

  it('is for owners (and admins) only', async () => {
    const document = await createDoc(world, { title: 'Who may share' });
    const guest = await newOutsider('Sam Guest');
    const body = { email: guest.email, role: 'viewer' };
    const path = `/api/documents/${document.id}/shares`;
    expect((await world.editor.client.post(path, body)).status).toBe(403);
    expect((await world.reviewer.client.post(path, body)).status).toBe(403);
    expect((await world.viewer.client.post(path, body)).status).toBe(403);
    expect((await world.outsider.client.post(path, body)).status).toBe(404);
    expect((await world.anonymous.post(path, body)).status).toBe(401);
    expect((await world.owner.client.post(path, body)).status).toBe(201);
    expect((await world.admin.client.post(path, { ...body, role: 'editor' })).status).toBe(201);
    const bad = await world.owner.client.post(path, { email: guest.email, role: 'owner' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('validation_failed');
  });

  it('invites an e-mail without an account; registering with the link grants the share', async () => {
    const document = await createDoc(world, { title: 'For an outside expert' });
    const email = 'outside.expert@example.test';
    const answer = await share(document.id, email, 'reviewer');
    expect(answer.mailed).toBe(false);
    expect(answer.share).toMatchObject({ status: 'pending', email, role: 'reviewer', user: null });
    const link = answer.invitation?.link ?? '';
    expect(link).toContain('/invite/');

    const access = await world.owner.client.get<DocumentAccessDto>(
      `/api/documents/${document.id}/access`,
    );
    const list = expectStatus(access, 200);
    expect(list.linkAccess).toBe('restricted');
    expect(list.isMailDelivering).toBe(false);
    expect(list.shares.map((s) => [s.email, s.status])).toContainEqual([email, 'pending']);
    expect(list.members.map((m) => m.role).sort()).toEqual([
      'editor',
      'owner',
      'reviewer',
      'viewer',
    ]);

    // The owner is not an admin and registration is closed: an admin admits the new person
    // first, as for any invitation (docs/SECURITY.md).
    expect(answer.share.awaitsApproval).toBe(true);
    expectStatus(await world.admin.client.post(`/api/invitations/${answer.share.id}/approve`), 200);
    const expert = await registerWithInvitation({
      baseUrl: server.url,
      token: answer.invitation?.token ?? '',
      email,
      name: 'Outside Expert',
    });
    const opened = await getDocument(expert.client, document.id);
    expect(opened.status).toBe(200);
    expect(opened.document?.abilities?.comment).toBe(true);
    expect((await expert.client.get(`/api/workspaces/${world.workspace.id}`)).status).toBe(404);
    const after = expectStatus(
      await world.owner.client.get<DocumentAccessDto>(`/api/documents/${document.id}/access`),
      200,
    );
    expect(after.shares.find((s) => s.email === email)).toMatchObject({
      status: 'active',
      user: { id: expert.user.id },
    });
  });

  it('revokes a pending invitation: its link no longer registers', async () => {
    const document = await createDoc(world, { title: 'Invitation taken back' });
    const email = 'changed.mind@example.test';
    const answer = await share(document.id, email, 'viewer');
    const path = `/api/documents/${document.id}/shares/${answer.share.id}`;
    expect((await world.editor.client.delete(path)).status).toBe(403);
    expect((await world.owner.client.delete(path)).status).toBe(204);
    expect((await world.owner.client.delete(path)).status).toBe(404);
    const res = await createApiClient(server.url).post('/api/auth/register', {
      name: 'Too Late',
      email,
      password: 'member-password-1',
      inviteToken: answer.invitation?.token,
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('invalid_invitation');
  });
});
