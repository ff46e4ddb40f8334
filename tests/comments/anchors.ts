/**
 * Test helpers for comment threads: a member's stock y-websocket client on a document (via
 * the real collab-token route), anchors made the way DESIGN.md says a client makes them
 * (`Y.createRelativePositionFromTypeIndex` on the Y.XmlText), and the comment marks a client
 * sees in its copy of the document.
 */
import * as Y from 'yjs';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { connectClient, requestCollabToken, waitSynced, type TestClient } from '../collab/helpers';
import type { ApiClient } from '../helpers/server';

/** A synced stock WebsocketProvider client of `api`'s account on `documentId`. */
export async function openDocumentClient(api: ApiClient, documentId: string): Promise<TestClient> {
  const token = await requestCollabToken(api, documentId);
  const client = connectClient({
    serverUrl: token.serverUrl,
    documentId: token.room,
    token: token.token,
  });
  await waitSynced(client);
  return client;
}

/** Every Y.XmlText of the editor fragment, in document order. */
export function textsOf(ydoc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook): void => {
    if (node instanceof Y.XmlText) texts.push(node);
    else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment)
      node.toArray().forEach(walk);
  };
  walk(ydoc.getXmlFragment(EDITOR_FRAGMENT));
  return texts;
}

const encode = (position: Y.RelativePosition): string =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** The anchor of the first occurrence of `words` in `ydoc` (throws when absent). */
export function anchorOn(ydoc: Y.Doc, words: string): { start: string; end: string } {
  for (const text of textsOf(ydoc)) {
    const at = plainOf(text).indexOf(words);
    if (at === -1) continue;
    return {
      start: encode(Y.createRelativePositionFromTypeIndex(text, at)),
      end: encode(Y.createRelativePositionFromTypeIndex(text, at + words.length)),
    };
  }
  throw new Error(`"${words}" is not in the document`);
}

/** A Y.XmlText's characters without formatting. */
export function plainOf(text: Y.XmlText): string {
  return (text.toDelta() as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** The text each thread's `comment` mark covers in `ydoc` (keyed by thread id). */
export function markedTexts(ydoc: Y.Doc): Map<string, string> {
  const marked = new Map<string, string>();
  for (const text of textsOf(ydoc)) {
    for (const op of text.toDelta() as {
      insert?: unknown;
      attributes?: Record<string, unknown>;
    }[]) {
      if (typeof op.insert !== 'string') continue;
      for (const [key, value] of Object.entries(op.attributes ?? {})) {
        // y-prosemirror stores overlapping marks as `comment--<hash>`.
        if (key !== 'comment' && !key.startsWith('comment--')) continue;
        const threadId = (value as { threadId?: unknown }).threadId;
        if (typeof threadId !== 'string') continue;
        marked.set(threadId, (marked.get(threadId) ?? '') + op.insert);
      }
    }
  }
  return marked;
}
