/**
 * Derived fields of a document's content (plain text, outline of headings, word count),
 * read from the Tiptap/ProseMirror tree in the Y.XmlFragment named `default`.
 * Pure: used by the collab persistence debounce and when a document is created from a template.
 */
import * as Y from 'yjs';
import type { OutlineHeading } from '../storage/types';

/** What `extractDerived` reads from a document. */
export interface DerivedContent {
  plainText: string;
  outline: OutlineHeading[];
  wordCount: number;
}

/** Block nodes: their text ends with a line break so words of two blocks never merge. */
const BLOCK_NAMES = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'listItem',
  'taskItem',
  'tableCell',
  'tableHeader',
  'horizontalRule',
]);

/** Reads the plain text, the outline and the word count of a Y.Doc. */
export function extractDerived(ydoc: Y.Doc): DerivedContent {
  const fragment = ydoc.getXmlFragment('default');
  const outline: OutlineHeading[] = [];
  const lines: string[] = [];
  for (const child of fragment.toArray()) collectBlocks(child, lines, outline);
  const plainText = lines
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
  const wordCount = plainText.split(/\s+/).filter((word) => word.length > 0).length;
  return { plainText, outline, wordCount };
}

function collectBlocks(
  node: Y.XmlElement | Y.XmlText | Y.XmlHook,
  lines: string[],
  outline: OutlineHeading[],
): void {
  if (node instanceof Y.XmlText) {
    lines.push(textOf(node));
    return;
  }
  if (!(node instanceof Y.XmlElement)) return;
  const hasOnlyText = node.toArray().every((child) => child instanceof Y.XmlText);
  if (BLOCK_NAMES.has(node.nodeName) && hasOnlyText) {
    const text = node
      .toArray()
      .map((child) => textOf(child as Y.XmlText))
      .join('');
    lines.push(text);
    if (node.nodeName === 'heading') {
      outline.push({ level: headingLevel(node.getAttribute('level')), text: text.trim() });
    }
    return;
  }
  for (const child of node.toArray()) collectBlocks(child, lines, outline);
}

/** Text of an XmlText without its formatting (embeds such as mentions are skipped). */
function textOf(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/** Tiptap stores the level as a number; be lenient with strings from other clients. */
function headingLevel(raw: unknown): number {
  const level = typeof raw === 'number' ? raw : Number.parseInt(String(raw), 10);
  if (!Number.isFinite(level)) return 1;
  return Math.min(6, Math.max(1, Math.trunc(level)));
}
