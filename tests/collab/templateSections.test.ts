/**
 * `POST /api/documents/:id/template-sections` through the real app: the template's missing
 * sections are written through the live document (`collab.change`), so an editor with the
 * document open sees them at once, in template order, and a later reader gets them from
 * storage. Only owners and editors may; nothing else of the text changes.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { extractDerivedContent } from '../../server/collab/derived';
import { CASE_STUDY_SECTIONS } from '../../server/templates/sections';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import {
  createApiClient,
  registerWithInvitation,
  signUpAdmin,
  startTestServer,
  type ApiClient,
} from '../helpers/server';
import { openEditor } from './editorWorld';
import { useCollabScope, waitFor } from './helpers';

const { defer } = useCollabScope();
const TEMPLATE_HEADINGS = CASE_STUDY_SECTIONS.map((section) => section.heading);

async function openDoc(api: ApiClient, documentId: string): Promise<Y.Doc> {
  return (await openEditor(api, documentId, defer)).ydoc;
}

function headingsOf(ydoc: Y.Doc): string[] {
  return extractDerivedContent(ydoc.getXmlFragment(EDITOR_FRAGMENT)).outline.map((h) => h.text);
}

/** Deletes the section that starts with `heading`: the heading and the blocks up to the next one. */
function deleteSection(ydoc: Y.Doc, heading: string): void {
  const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
  const nodes = fragment.toArray();
  const start = nodes.findIndex(
    (node) =>
      node instanceof Y.XmlElement &&
      node.nodeName === 'heading' &&
      node.toString().includes(heading),
  );
  expect(start).toBeGreaterThanOrEqual(0);
  let end = start + 1;
  while (
    end < nodes.length &&
    !(nodes[end] instanceof Y.XmlElement && (nodes[end] as Y.XmlElement).nodeName === 'heading')
  )
    end += 1;
  fragment.delete(start, end - start);
}

async function setUp() {
  const server = await startTestServer();
  defer(() => server.close());
  const owner = await signUpAdmin(createApiClient(server.url));
  const workspace = await owner.client.post<{ workspace: { id: string } }>('/api/workspaces', {
    name: 'Case studies',
  });
  const workspaceId = workspace.body.workspace.id;
  const created = await owner.client.post<{ document: { id: string } }>(
    `/api/workspaces/${workspaceId}/documents`,
    { title: 'Bologna case study', kind: 'case-study' },
  );
  expect(created.status).toBe(201);
  const member = async (role: 'editor' | 'reviewer' | 'viewer') => {
    const email = `${role}@example.test`;
    const invited = await owner.client.post<{ invitation: { token: string } }>(
      `/api/workspaces/${workspaceId}/members`,
      { email, role },
    );
    expect(invited.status).toBe(201);
    return registerWithInvitation({
      baseUrl: server.url,
      token: invited.body.invitation.token,
      email,
    });
  };
  return { server, owner, workspaceId, documentId: created.body.document.id, member };
}

describe('adding the template’s missing sections', () => {
  it('writes them into the live document, where the template puts them, and open editors see them at once', async () => {
    const { owner, documentId, member } = await setUp();
    const editor = await member('editor');
    const editorDoc = await openDoc(editor.client, documentId);
    const ownerDoc = await openDoc(owner.client, documentId);
    ownerDoc.getXmlFragment(EDITOR_FRAGMENT).insert(0, [new Y.XmlElement('paragraph')]);
    deleteSection(ownerDoc, 'Policy context');
    deleteSection(ownerDoc, 'Lessons and transferability');
    await waitFor(() => !headingsOf(editorDoc).includes('Policy context'), 'deletion synced');

    const answer = await editor.client.post<{ added: string[] }>(
      `/api/documents/${documentId}/template-sections`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.added).toEqual(['Policy context', 'Lessons and transferability']);
    // The other open editor sees the change without reloading, in the template's order.
    await waitFor(
      () => headingsOf(ownerDoc).join('|') === TEMPLATE_HEADINGS.join('|'),
      'sections restored on the open editor',
    );
    // Text written before the change stays where it was: the empty first paragraph is kept.
    expect((ownerDoc.getXmlFragment(EDITOR_FRAGMENT).get(0) as Y.XmlElement).nodeName).toBe(
      'paragraph',
    );

    const again = await editor.client.post<{ added: string[] }>(
      `/api/documents/${documentId}/template-sections`,
    );
    expect(again.body.added).toEqual([]);
    expect(headingsOf(ownerDoc)).toEqual(TEMPLATE_HEADINGS);

    const audit = await owner.client.get<{ events: Array<{ details: { headings?: string[] } }> }>(
      '/api/audit?action=document.template_applied',
    );
    expect(audit.body.events).toHaveLength(1);
    expect(audit.body.events[0]!.details.headings).toEqual(answer.body.added);
  });

  it('loads a document nobody has open, stores the change, and a later reader gets it', async () => {
    const { owner, documentId } = await setUp();
    const first = await openDoc(owner.client, documentId);
    deleteSection(first, 'City profile');
    await waitFor(async () => {
      const state = await owner.client.get<{ document: { outline: Array<{ text: string }> } }>(
        `/api/documents/${documentId}`,
      );
      return !state.body.document.outline.some((h) => h.text === 'City profile');
    }, 'deletion stored');

    const answer = await owner.client.post<{ added: string[] }>(
      `/api/documents/${documentId}/template-sections`,
    );
    expect(answer.body.added).toEqual(['City profile']);
    const later = await openDoc(owner.client, documentId);
    expect(headingsOf(later)).toEqual(TEMPLATE_HEADINGS);
  });

  it('refuses reviewers and viewers (403), strangers (404) and archived workspaces (409)', async () => {
    const { server, owner, workspaceId, documentId, member } = await setUp();
    for (const role of ['reviewer', 'viewer'] as const) {
      const person = await member(role);
      const refused = await person.client.post(`/api/documents/${documentId}/template-sections`);
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('forbidden');
    }
    const stranger = await registerWithInvitation({
      baseUrl: server.url,
      token: (
        await owner.client.post<{ invitation: { token: string } }>('/api/invitations', {
          email: 'stranger@example.test',
        })
      ).body.invitation.token,
      email: 'stranger@example.test',
    });
    const hidden = await stranger.client.post(`/api/documents/${documentId}/template-sections`);
    expect(hidden.status).toBe(404);
    const missing = await owner.client.post('/api/documents/nope/template-sections');
    expect([400, 404]).toContain(missing.status);

    const archived = await owner.client.patch(`/api/workspaces/${workspaceId}`, {
      isArchived: true,
    });
    expect(archived.status).toBe(200);
    const refused = await owner.client.post(`/api/documents/${documentId}/template-sections`);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('workspace_archived');
  });
});
