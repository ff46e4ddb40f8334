/**
 * Pure extraction of the fields search and document lists need from the editor's content
 * (the `EDITOR_FRAGMENT` XmlFragment Tiptap writes through y-prosemirror, with node names
 * from the shared schema's `EDITOR_NODE`): plain text, heading outline and word count.
 * Pure and synchronous so it is trivially unit-tested; `derivedSync.ts` decides when to run it.
 *
 * Pending suggestions: the text is the document as it stands until someone reviews them.
 * Text proposed for removal (`deletion` mark) is still there, so it counts; text proposed as
 * new (`insertion` mark) is not part of it yet, so search, word count and outline leave it
 * out; the suggestion library's zero-width markers are dropped. Accepting a suggestion makes
 * its text count (or stop counting) at the next refresh.
 */
import * as Y from 'yjs';
import { EDITOR_MARK, EDITOR_NODE } from '../../shared/editor/schema';
import { SUGGESTION_MARKER } from '../../shared/editor/suggestions';
import type { OutlineHeading } from '../storage/types';

/** Caps so one huge document cannot bloat every list and search row. */
const MAX_PLAIN_TEXT_CHARS = 1_000_000;
const MAX_OUTLINE_ENTRIES = 500;
const MAX_HEADING_CHARS = 500;

/** Elements that break a line without being a block. */
const LINE_BREAK_ELEMENTS = new Set<string>([EDITOR_NODE.hardBreak]);

export interface DerivedContent {
  plainText: string;
  outline: OutlineHeading[];
  wordCount: number;
}

/** Reads plain text (one line per text block), outline and word count from a fragment. */
export function extractDerivedContent(fragment: Y.XmlFragment): DerivedContent {
  const lines: string[] = [];
  const outline: OutlineHeading[] = [];
  let current = '';
  const endLine = (): void => {
    const line = current.trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment | Y.XmlHook): void => {
    if (node instanceof Y.XmlText) {
      current += textOf(node);
      return;
    }
    if (!(node instanceof Y.XmlElement)) {
      if (node instanceof Y.XmlFragment) node.toArray().forEach(walk);
      return;
    }
    if (LINE_BREAK_ELEMENTS.has(node.nodeName)) {
      current += ' ';
      return;
    }
    endLine();
    if (node.nodeName === EDITOR_NODE.heading && outline.length < MAX_OUTLINE_ENTRIES) {
      const text = elementText(node).trim().slice(0, MAX_HEADING_CHARS);
      if (text) outline.push({ level: headingLevel(node.getAttribute('level')), text });
    }
    node.toArray().forEach(walk);
    endLine();
  };
  fragment.toArray().forEach(walk);
  endLine();
  const plainText = lines.join('\n').slice(0, MAX_PLAIN_TEXT_CHARS);
  return { plainText, outline, wordCount: countWords(plainText) };
}

/** Words as a reader counts them: letters/digits, keeping "city's" and "co-draft" as one. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * Text of a Y.XmlText without its formatting (marks are attributes, embeds are skipped),
 * leaving out suggested insertions and suggestion markers (see the top of this file).
 */
function textOf(node: Y.XmlText): string {
  let text = '';
  for (const op of node.toDelta() as Array<{ insert?: unknown; attributes?: object }>) {
    if (typeof op.insert !== 'string' || isSuggestedInsertion(op.attributes)) continue;
    text += op.insert;
  }
  return text.includes(SUGGESTION_MARKER) ? text.replaceAll(SUGGESTION_MARKER, '') : text;
}

/** Whether formatting attributes hold the `insertion` mark (y-prosemirror may hash-suffix it). */
function isSuggestedInsertion(attributes: object | undefined): boolean {
  if (!attributes) return false;
  return Object.keys(attributes).some(
    (key) => key === EDITOR_MARK.insertion || key.startsWith(`${EDITOR_MARK.insertion}--`),
  );
}

/** Text of an element and its descendants, without formatting. */
export function elementText(element: Y.XmlElement): string {
  let text = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) text += textOf(child);
    else if (child instanceof Y.XmlElement) text += elementText(child);
  }
  return text;
}

/** Tiptap stores `level` as a number; older or foreign clients may send a string. */
function headingLevel(raw: unknown): number {
  const level = typeof raw === 'number' ? raw : Number.parseInt(String(raw), 10);
  if (!Number.isFinite(level)) return 1;
  return Math.min(6, Math.max(1, Math.trunc(level)));
}
