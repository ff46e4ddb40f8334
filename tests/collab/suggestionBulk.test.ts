/**
 * Accept all / reject all (optionally one author's) and the races of settling, with stock
 * `WebsocketProvider` clients: one server change settles them all and every copy converges;
 * reviewers are refused, bad bodies are 400; two people accepting and rejecting the same
 * suggestion at once get one 200 and one 409 `suggestion_resolved`; a suggestion whose text an
 * owner deleted meanwhile is 404 and nothing else changes.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type { SuggestionDto } from '../../shared/api/suggestions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { newSuggestionId } from '../../shared/editor/suggestionId';
import {
  blockText,
  openEditor,
  setParagraphs,
  startDocumentWorld,
  type OpenEditor,
} from './editorWorld';
import { useCollabScope, waitFor } from './helpers';

const { defer } = useCollabScope();

const contentOf = (ydoc: Y.Doc): string =>
  JSON.stringify(yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(EDITOR_FRAGMENT)));
const plain = (value: string) =>
  JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: value }] }],
  });

/** Waits until every copy holds `expected`. */
async function allHold(editors: OpenEditor[], expected: string, message: string): Promise<void> {
  await waitFor(() => editors.every((e) => contentOf(e.ydoc) === expected), message);
}

type ErrorBody = { error?: { code: string } };

async function setUp() {
  const world = await startDocumentWorld(defer);
  const editor = await world.member('editor');
  const reviewerA = await world.member('reviewer');
  const reviewerB = await world.member('reviewer');
  const ownerDoc = await openEditor(world.owner.client, world.documentId, defer);
  setParagraphs(ownerDoc.ydoc, ['Housing first in Stuttgart']);
  const editors = [
    ownerDoc,
    await openEditor(editor.client, world.documentId, defer),
    await openEditor(reviewerA.client, world.documentId, defer),
    await openEditor(reviewerB.client, world.documentId, defer),
  ];
  await allHold(editors, plain('Housing first in Stuttgart'), 'sync');
  const [, editorDoc, docA, docB] = editors as [OpenEditor, OpenEditor, OpenEditor, OpenEditor];
  const path = `/api/documents/${world.documentId}/suggestions`;
  return { world, editor, reviewerA, reviewerB, editors, editorDoc, docA, docB, path };
}

describe('accept all and reject all', () => {
  it('settles one author’s suggestions, then everyone’s, in one change each', async () => {
    const { world, editor, reviewerA, reviewerB, editors, docA, docB, path } = await setUp();
    const a1 = newSuggestionId(reviewerA.user.id);
    const a2 = newSuggestionId(reviewerA.user.id);
    const b1 = newSuggestionId(reviewerB.user.id);
    const b2 = newSuggestionId(reviewerB.user.id);
    docA.ydoc.transact(() => {
      const line = blockText(docA.ydoc, 0);
      line.insert(0, 'Social ', { insertion: { id: a1 } }); // "Social Housing first in Stuttgart"
      line.format(23, 10, { deletion: { id: a2 } }); // " Stuttgart"
    });
    await waitFor(() => editors.every((e) => contentOf(e.ydoc).includes(a2)), 'A’s arrive');
    docB.ydoc.transact(() => {
      const line = blockText(docB.ydoc, 0);
      line.format(15, 6, { deletion: { id: b1 } }); // "first "
      line.insert(21, 'and always ', { insertion: { id: b2 } });
    });
    await waitFor(() => editors.every((e) => contentOf(e.ydoc).includes(b2)), 'B’s arrive');

    // Reviewers may not; bad bodies are refused before anything changes.
    const forbidden = await reviewerA.client.post<ErrorBody>(`${path}/accept-all`, {});
    expect(forbidden.status).toBe(403);
    const badAuthor = await world.owner.client.post<ErrorBody>(`${path}/accept-all`, {
      authorId: 'not an id!',
    });
    expect([badAuthor.status, badAuthor.body.error?.code]).toEqual([400, 'validation_failed']);
    const unknownField = await world.owner.client.post<ErrorBody>(`${path}/reject-all`, {
      everyone: true,
    });
    expect([unknownField.status, unknownField.body.error?.code]).toEqual([
      400,
      'validation_failed',
    ]);

    // One server change: the editor's copy receives exactly one update for the whole batch.
    let updates = 0;
    const count = (_update: Uint8Array, origin: unknown) => {
      if (origin === editors[1]!.provider) updates += 1;
    };
    editors[1]!.ydoc.on('update', count);
    const onlyA = await world.owner.client.post<{ status: string; ids: string[] }>(
      `${path}/accept-all`,
      {
        authorId: reviewerA.user.id,
      },
    );
    expect(onlyA.status).toBe(200);
    expect(onlyA.body).toEqual({ status: 'accepted', ids: [a1, a2] });
    await waitFor(
      () =>
        editors.every((e) => !contentOf(e.ydoc).includes(a1) && !contentOf(e.ydoc).includes(a2)),
      'A’s are settled everywhere',
    );
    editors[1]!.ydoc.off('update', count);
    expect(updates).toBe(1);
    const left = await world.owner.client.get<{ suggestions: SuggestionDto[] }>(path);
    expect(left.body.suggestions.map((s) => s.id)).toEqual([b1, b2]);

    const rest = await editor.client.post<{ status: string; ids: string[] }>(
      `${path}/reject-all`,
      {},
    );
    expect(rest.body).toEqual({ status: 'rejected', ids: [b1, b2] });
    await allHold(editors, plain('Social Housing first in'), 'every copy converges');
    const none = await editor.client.post<{ status: string; ids: string[] }>(`${path}/reject-all`);
    expect(none.body).toEqual({ status: 'rejected', ids: [] });
    const after = await world.owner.client.get<{ suggestions: SuggestionDto[] }>(path);
    expect(after.body.suggestions).toEqual([]);
  });
});

describe('settling races and stale suggestions', () => {
  it('two people accepting and rejecting one suggestion at once: one wins, the other 409', async () => {
    const { world, editor, reviewerA, editors, docA, path } = await setUp();
    // Several rounds: each pair is sent at the same instant, so their steps interleave.
    const words = ['Social ', 'Green ', 'Fair ', 'Open ', 'Shared ', 'Local '];
    const ids = words.map(() => newSuggestionId(reviewerA.user.id));
    docA.ydoc.transact(() => {
      const line = blockText(docA.ydoc, 0);
      words.forEach((word, index) => line.insert(0, word, { insertion: { id: ids[index]! } }));
    });
    await waitFor(() => editors.every((e) => contentOf(e.ydoc).includes(ids[0]!)), 'arrive');
    let expected = '';
    for (const [index, id] of ids.entries()) {
      const [accepted, rejected] = await Promise.all([
        world.owner.client.post<ErrorBody>(`${path}/${id}/accept`, {}),
        editor.client.post<ErrorBody>(`${path}/${id}/reject`, {}),
      ]);
      const statuses = [accepted.status, rejected.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = accepted.status === 409 ? accepted : rejected;
      expect(loser.body.error?.code).toBe('suggestion_resolved');
      if (accepted.status === 200) expected = words[index]! + expected;
    }
    await allHold(editors, plain(`${expected}Housing first in Stuttgart`), 'converged');
  });

  it('accepting a suggestion whose text an owner deleted is 404, and nothing else changes', async () => {
    const { world, reviewerA, editors, docA, path } = await setUp();
    const id = newSuggestionId(reviewerA.user.id);
    blockText(docA.ydoc, 0).insert(17, 'central ', { insertion: { id } });
    await waitFor(() => editors.every((e) => contentOf(e.ydoc).includes(id)), 'arrives');
    // The owner deletes the sentence's end, suggestion and all.
    blockText(editors[0]!.ydoc, 0).delete(14, 20);
    await allHold(editors, plain('Housing first '), 'the deletion reaches everyone');
    const stale = await world.owner.client.post<ErrorBody>(`${path}/${id}/accept`, {});
    expect([stale.status, stale.body.error?.code]).toEqual([404, 'suggestion_not_found']);
    const all = await world.owner.client.post<{ status: string; ids: string[] }>(
      `${path}/accept-all`,
    );
    expect(all.body.ids).toEqual([]);
    await allHold(editors, plain('Housing first '), 'nothing else changed');
  });
});
