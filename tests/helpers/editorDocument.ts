/**
 * Reads a Y.Doc's editor content as the editor would, through the shared schema, and fails
 * loudly where the editor would quietly lose content. y-prosemirror deletes from the Y.Doc
 * any element or text it cannot build with the schema (an unknown node or mark name, a
 * paragraph directly in a list, bold text in a code block), so `node.check()` alone passes on
 * a fragment whose offending part was just dropped.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';

/**
 * The ProseMirror document of `ydoc`'s editor fragment, checked against the shared schema.
 * Throws when building it had to drop content, or when the built document breaks the
 * schema's rules (`check()`).
 */
export function readCheckedDocument(ydoc: Y.Doc): ProseMirrorNode {
  let droppedContent = false;
  const onUpdate = (): void => {
    droppedContent = true;
  };
  ydoc.on('update', onUpdate);
  try {
    const node = yXmlFragmentToProseMirrorRootNode(
      ydoc.getXmlFragment(EDITOR_FRAGMENT),
      getEditorSchema(),
    );
    if (droppedContent) throw new Error('content the editor schema does not allow was dropped');
    node.check();
    return node;
  } finally {
    ydoc.off('update', onUpdate);
  }
}

/** `node` written back as Yjs content, as the editor would store it (for round-trip checks). */
export function toEditorXml(node: ProseMirrorNode): string {
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(node, ydoc.getXmlFragment(EDITOR_FRAGMENT));
  const xml = ydoc.getXmlFragment(EDITOR_FRAGMENT).toString();
  ydoc.destroy();
  return xml;
}

type JsonNode = Record<string, unknown>;

const text = (value: string, marks: JsonNode[] = []): JsonNode =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content });
const block = (type: string, ...content: JsonNode[]): JsonNode => ({ type, content });

/**
 * A ProseMirror JSON document using every node and mark of the editor schema, as someone
 * could type it: headings, formatted text with a line break and a link, a quote, code, a rule,
 * both list kinds, a table with a header row and an image.
 */
export function everyNodeDocumentJson(): JsonNode {
  return block(
    'doc',
    { type: 'heading', attrs: { level: 1 }, content: [text('Housing in Stuttgart')] },
    paragraph(
      text('Plain '),
      text('bold ', [{ type: 'bold' }]),
      text('italic ', [{ type: 'italic' }]),
      text('under', [{ type: 'underline' }]),
      { type: 'hardBreak' },
      text('struck ', [{ type: 'strike' }]),
      text('code ', [{ type: 'code' }]),
      text('link', [{ type: 'link', attrs: { href: 'https://example.org/' } }]),
      text(' commented', [{ type: 'comment', attrs: { threadId: 'thread-1' } }]),
      text(' added', [{ type: 'insertion', attrs: { id: 'user-1~abc' } }]),
      text(' removed', [{ type: 'deletion', attrs: { id: 'user-1~abc' } }]),
      text(' reworded', [
        { type: 'modification', attrs: { id: 'user-1~def', type: 'attr', attrName: 'level' } },
      ]),
    ),
    block('blockquote', paragraph(text('Quoted'))),
    block('codeBlock', text('const x = 1;')),
    { type: 'horizontalRule' },
    block('bulletList', block('listItem', paragraph(text('First point')))),
    block('orderedList', block('listItem', paragraph(text('Second point')))),
    block(
      'table',
      block(
        'tableRow',
        block('tableHeader', paragraph(text('City'))),
        block('tableHeader', paragraph(text('Homes'))),
      ),
      block(
        'tableRow',
        block('tableCell', paragraph(text('Bologna'))),
        block('tableCell', paragraph(text('120'))),
      ),
    ),
    { type: 'image', attrs: { src: 'https://example.org/map.png', alt: 'Map' } },
    { type: 'heading', attrs: { level: 2 }, content: [text('Findings')] },
  );
}

/** A Y.Doc holding `json` in the editor fragment, written as the editor writes it. */
export function ydocFromJson(json: JsonNode): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(
    getEditorSchema().nodeFromJSON(json),
    ydoc.getXmlFragment(EDITOR_FRAGMENT),
  );
  return ydoc;
}
