/**
 * Reviewing suggestions over HTTP: the list in document order with author and time, accept and
 * reject through the live document (every open editor sees it at once), and the refusals:
 * reviewers 403, unknown ids 404, settled twice 409.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { SuggestionDto } from '../../shared/api/suggestions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { newSuggestionId } from '../../shared/editor/suggestionId';
import { blockText, openEditor, setParagraphs, startDocumentWorld } from './editorWorld';
import { useCollabScope, waitFor } from './helpers';

const { defer } = useCollabScope();

const contentOf = (ydoc: Y.Doc): string =>
  JSON.stringify(yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(EDITOR_FRAGMENT)));
const plain = (value: string) =>
  JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
  });

describe('reviewing suggestions over HTTP', () => {
  it('lists suggestions with their author, and accepting or rejecting changes the live text', async () => {
    const world = await startDocumentWorld(defer);
    const reviewer = await world.member('reviewer');
    const ownerDoc = await openEditor(world.owner.client, world.documentId, defer);
    setParagraphs(ownerDoc.ydoc, ['Housing first in Stuttgart']);
    const reviewerDoc = await openEditor(reviewer.client, world.documentId, defer);
    await waitFor(
      () => contentOf(reviewerDoc.ydoc) === plain('Housing first in Stuttgart'),
      'sync',
    );

    const insertId = newSuggestionId(reviewer.user.id);
    const deleteId = newSuggestionId(reviewer.user.id);
    const line = blockText(reviewerDoc.ydoc, 0);
    line.insert(0, 'Social ', { insertion: { id: insertId } });
    line.format(21, 3, { deletion: { id: deleteId } }); // "in "
    const path = `/api/documents/${world.documentId}/suggestions`;
    let listed: SuggestionDto[] = [];
    await waitFor(async () => {
      const answer = await world.owner.client.get<{ suggestions: SuggestionDto[] }>(path);
      listed = answer.body.suggestions;
      return listed.length === 2;
    }, 'both suggestions are listed');
    expect(listed).toMatchObject([
      {
        id: insertId,
        kind: 'insert',
        text: 'Social ',
        author: { id: reviewer.user.id, name: reviewer.user.name },
        canResolve: true,
      },
      { id: deleteId, kind: 'delete', text: 'in ', author: { id: reviewer.user.id } },
    ]);
    expect(Date.parse(listed[0]!.createdAt)).not.toBeNaN();
    const asReviewer = await reviewer.client.get<{ suggestions: SuggestionDto[] }>(path);
    expect(asReviewer.body.suggestions.map((s) => s.canResolve)).toEqual([false, false]);

    // Reviewers neither accept nor reject; unknown ids are 404.
    const forbidden = await reviewer.client.post(`${path}/${insertId}/accept`, {});
    expect(forbidden.status).toBe(403);
    const unknown = await world.owner.client.post(
      `${path}/${newSuggestionId(reviewer.user.id)}/accept`,
      {},
    );
    expect(unknown.status).toBe(404);
    expect((unknown.body as { error: { code: string } }).error.code).toBe('suggestion_not_found');

    const accepted = await world.owner.client.post(`${path}/${insertId}/accept`, {});
    expect(accepted.status).toBe(200);
    const rejected = await world.owner.client.post(`${path}/${deleteId}/reject`, {});
    expect(rejected.status).toBe(200);
    const expected = plain('Social Housing first in Stuttgart');
    await waitFor(
      () => contentOf(ownerDoc.ydoc) === expected && contentOf(reviewerDoc.ydoc) === expected,
      'both editors see the settled text',
    );
    const again = await world.owner.client.post(`${path}/${insertId}/reject`, {});
    expect(again.status).toBe(409);
    expect((again.body as { error: { code: string } }).error.code).toBe('suggestion_resolved');
    const after = await world.owner.client.get<{ suggestions: SuggestionDto[] }>(path);
    expect(after.body.suggestions).toEqual([]);
  });

  it('accepting a deletion removes the text; a suggestion withdrawn meanwhile is 404', async () => {
    const world = await startDocumentWorld(defer);
    const reviewer = await world.member('reviewer');
    const editor = await world.member('editor');
    const ownerDoc = await openEditor(world.owner.client, world.documentId, defer);
    setParagraphs(ownerDoc.ydoc, ['Housing first in Stuttgart']);
    const reviewerDoc = await openEditor(reviewer.client, world.documentId, defer);
    await waitFor(
      () => contentOf(reviewerDoc.ydoc) === plain('Housing first in Stuttgart'),
      'sync',
    );
    const deleteId = newSuggestionId(reviewer.user.id);
    const withdrawnId = newSuggestionId(reviewer.user.id);
    const line = blockText(reviewerDoc.ydoc, 0);
    line.format(0, 8, { deletion: { id: deleteId } });
    line.insert(26, ' now', { insertion: { id: withdrawnId } });
    await waitFor(() => contentOf(ownerDoc.ydoc).includes(withdrawnId), 'suggestions arrive');
    line.delete(26, 4); // the reviewer withdraws its insertion
    await waitFor(() => !contentOf(ownerDoc.ydoc).includes(withdrawnId), 'withdrawal arrives');

    const path = `/api/documents/${world.documentId}/suggestions`;
    const gone = await editor.client.post(`${path}/${withdrawnId}/accept`, {});
    expect(gone.status).toBe(404);
    const accepted = await editor.client.post(`${path}/${deleteId}/accept`, {});
    expect(accepted.status).toBe(200);
    await waitFor(
      () => contentOf(reviewerDoc.ydoc) === plain('first in Stuttgart'),
      'the deletion is applied everywhere',
    );
    expect(contentOf(ownerDoc.ydoc)).toBe(plain('first in Stuttgart'));
  });
});
