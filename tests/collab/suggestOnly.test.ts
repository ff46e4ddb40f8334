/**
 * A reviewer's collab connection is suggest-only (server/collab/suggestGuard.ts): stock
 * `WebsocketProvider` clients writing the marks the editor's suggestion mode writes. Its own
 * marked insertions and deletions are kept; a plain edit, a real deletion, a forged author, a
 * change to someone else's suggestion or formatting are refused, and the reviewer's copy
 * heals to the true state.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
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

/** The editor content as ProseMirror JSON (what every editor shows). */
const contentOf = (ydoc: Y.Doc): unknown =>
  yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(EDITOR_FRAGMENT));

/** The server's copy of the document, as ProseMirror JSON. */
async function serverContent(world: Awaited<ReturnType<typeof startDocumentWorld>>) {
  const copy = new Y.Doc();
  Y.applyUpdate(
    copy,
    await world.server.server.collab.encodeState({ documentId: world.documentId }),
  );
  return contentOf(copy);
}

/** Waits until every copy holds the same content, and answers it. */
async function converged(...editors: OpenEditor[]): Promise<unknown> {
  await waitFor(
    () =>
      editors.every(
        (e) => JSON.stringify(contentOf(e.ydoc)) === JSON.stringify(contentOf(editors[0]!.ydoc)),
      ),
    'every copy converges',
  );
  return contentOf(editors[0]!.ydoc);
}

const paragraphJson = (...content: object[]) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content }],
});
const text = (value: string, marks?: object[]) =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };

async function setUp() {
  const world = await startDocumentWorld(defer);
  const reviewer = await world.member('reviewer');
  const ownerDoc = await openEditor(world.owner.client, world.documentId, defer);
  setParagraphs(ownerDoc.ydoc, ['Housing first in Stuttgart']);
  const reviewerDoc = await openEditor(reviewer.client, world.documentId, defer);
  await converged(ownerDoc, reviewerDoc);
  const original = contentOf(ownerDoc.ydoc);
  return { world, reviewer, ownerDoc, reviewerDoc, original };
}

describe('a reviewer’s suggest-only connection', () => {
  it('keeps its marked insertions and deletions, for everyone', async () => {
    const { world, reviewer, ownerDoc, reviewerDoc } = await setUp();
    expect(reviewerDoc.canWrite).toBe(false);
    const id = newSuggestionId(reviewer.user.id);
    const line = blockText(reviewerDoc.ydoc, 0);
    reviewerDoc.ydoc.transact(() => {
      line.insert(8, 'policy ', { insertion: { id } });
      line.format(0, 8, { deletion: { id } });
    });
    const expected = paragraphJson(
      text('Housing ', [{ type: 'deletion', attrs: { id } }]),
      text('policy ', [{ type: 'insertion', attrs: { id } }]),
      text('first in Stuttgart'),
    );
    await waitFor(
      () => JSON.stringify(contentOf(ownerDoc.ydoc)) === JSON.stringify(expected),
      'the owner sees the suggestion',
    );
    expect(await serverContent(world)).toEqual(expected);
    expect(contentOf(reviewerDoc.ydoc)).toEqual(expected);

    // It may withdraw its own suggestion (undo): the text is as it was again.
    reviewerDoc.ydoc.transact(() => {
      line.delete(8, 7);
      line.format(0, 8, { deletion: null });
    });
    await waitFor(
      () =>
        JSON.stringify(contentOf(ownerDoc.ydoc)) ===
        JSON.stringify(paragraphJson(text('Housing first in Stuttgart'))),
      'the withdrawal reaches the owner',
    );
  });

  const refused: Array<[string, (line: Y.XmlText, ids: { own: string; owner: string }) => void]> = [
    ['a plain insertion', (line) => line.insert(8, 'plain ')],
    ['a real deletion of the owner’s text', (line) => line.delete(0, 8)],
    ['formatting', (line) => line.format(0, 7, { bold: true })],
    ['a comment mark', (line) => line.format(0, 7, { comment: { threadId: 'forged' } })],
    [
      'a suggestion under another author’s id',
      (line, ids) => line.insert(8, 'forged ', { insertion: { id: ids.owner } }),
    ],
    [
      'its own suggestion together with a plain edit',
      (line, ids) => {
        line.insert(8, 'ok ', { insertion: { id: ids.own } });
        line.insert(0, 'X');
      },
    ],
  ];

  for (const [name, edit] of refused) {
    it(`refuses ${name} and heals the reviewer’s copy`, async () => {
      const { world, reviewer, ownerDoc, reviewerDoc, original } = await setUp();
      const ids = {
        own: newSuggestionId(reviewer.user.id),
        owner: newSuggestionId(world.owner.user.id),
      };
      reviewerDoc.ydoc.transact(() => edit(blockText(reviewerDoc.ydoc, 0), ids));
      expect(contentOf(reviewerDoc.ydoc)).not.toEqual(original);
      await waitFor(
        () => JSON.stringify(contentOf(reviewerDoc.ydoc)) === JSON.stringify(original),
        'the reviewer’s copy heals',
      );
      expect(await converged(ownerDoc, reviewerDoc)).toEqual(original);
      expect(await serverContent(world)).toEqual(original);

      // The connection goes on: a proper suggestion after the refusal is kept.
      const id = newSuggestionId(reviewer.user.id);
      blockText(reviewerDoc.ydoc, 0).insert(0, 'New ', { insertion: { id } });
      await waitFor(
        () => JSON.stringify(contentOf(ownerDoc.ydoc)).includes(id),
        'a later suggestion reaches the owner',
      );
    });
  }

  it('refuses a change to another reviewer’s suggestion', async () => {
    const { world, ownerDoc, reviewerDoc } = await setUp();
    const other = await world.member('reviewer');
    const otherDoc = await openEditor(other.client, world.documentId, defer);
    const otherId = newSuggestionId(other.user.id);
    blockText(otherDoc.ydoc, 0).insert(8, 'social ', { insertion: { id: otherId } });
    await converged(ownerDoc, reviewerDoc, otherDoc);
    const withSuggestion = contentOf(ownerDoc.ydoc);
    // Deleting it for real (as rejecting would) is not the reviewer's to do.
    blockText(reviewerDoc.ydoc, 0).delete(8, 7);
    await waitFor(
      () => JSON.stringify(contentOf(reviewerDoc.ydoc)) === JSON.stringify(withSuggestion),
      'the reviewer’s copy heals',
    );
    expect(await converged(ownerDoc, reviewerDoc, otherDoc)).toEqual(withSuggestion);
  });

  it('lets owners keep editing directly', async () => {
    const { ownerDoc, reviewerDoc } = await setUp();
    blockText(ownerDoc.ydoc, 0).insert(0, 'Direct ');
    expect(await converged(ownerDoc, reviewerDoc)).toEqual(
      paragraphJson(text('Direct Housing first in Stuttgart')),
    );
  });
});
