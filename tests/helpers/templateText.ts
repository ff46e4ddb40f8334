/**
 * For stories that need text to comment on: a new document's template is headings only (the
 * guidance is a placeholder, never text), so this writes each section's guidance into its
 * empty paragraph as real text, through the live document, as a person typing it would.
 */
import * as Y from 'yjs';
import { EDITOR_FRAGMENT, EDITOR_NODE } from '../../shared/editor/schema';
import { GUIDANCE_ATTRIBUTE } from '../../shared/editor/sectionGuidance';
import type { TestServer } from './server';

/** Types each heading's guidance into the empty paragraph after it (in one transaction). */
export function typeGuidanceAsText(ydoc: Y.Doc): void {
  const nodes = ydoc.getXmlFragment(EDITOR_FRAGMENT).toArray();
  ydoc.transact(() => {
    nodes.forEach((node, index) => {
      if (!(node instanceof Y.XmlElement) || node.nodeName !== EDITOR_NODE.heading) return;
      const guidance: unknown = node.getAttribute(GUIDANCE_ATTRIBUTE);
      const next = nodes[index + 1];
      if (typeof guidance !== 'string' || !(next instanceof Y.XmlElement)) return;
      if (next.nodeName !== EDITOR_NODE.paragraph || next.length > 0) return;
      next.insert(0, [new Y.XmlText(guidance)]);
    });
  });
}

/** `typeGuidanceAsText` on the server's live copy of `documentId`. */
export function fillTemplateWithText(server: TestServer, documentId: string): Promise<void> {
  return server.server.collab.change(documentId, typeGuidanceAsText);
}
