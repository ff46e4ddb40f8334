/**
 * Writes content shaped by the shared editor schema (node names from `EDITOR_NODE`) into a
 * Y.Doc's `EDITOR_FRAGMENT`, so a document created on the server opens in the editor as if
 * typed there. templates.test.ts checks every template against `getEditorSchema()`.
 */
import * as Y from 'yjs';
import { EDITOR_FRAGMENT, EDITOR_NODE } from '../../shared/editor/schema';

/** One block of rich text, in the subset of the editor schema the templates need. */
export type ContentBlock =
  | {
      type: 'heading';
      level: number;
      text: string;
      /** What belongs in the section: shown by the editor in its empty paragraph, never text. */
      guidance?: string;
    }
  | { type: 'paragraph'; text: string }
  | { type: 'bulletList'; items: string[] };

/** A titled part of a document: a level-2 heading followed by its blocks. */
export interface Section {
  heading: string;
  /**
   * What the section should say, for the template's empty section: stored on the heading
   * (`guidance` attribute of the shared schema), shown by the editor as a placeholder and never
   * part of the text, so it is not searched, counted, exported or published.
   */
  guidance?: string;
  /** Paragraphs of text; an empty list leaves one empty paragraph. */
  paragraphs: string[];
  bullets?: string[];
}

/** A template section: its heading, its guidance, and one empty paragraph to write in. */
export function guidedSection(heading: string, guidance: string): Section {
  return { heading, guidance, paragraphs: [] };
}

/** Flattens sections into blocks: heading, paragraphs, then an optional bullet list. */
export function sectionsToBlocks(sections: Section[]): ContentBlock[] {
  return sections.flatMap((section): ContentBlock[] => {
    const paragraphs = section.paragraphs.length > 0 ? section.paragraphs : [''];
    const blocks: ContentBlock[] = [
      {
        type: 'heading',
        level: 2,
        text: section.heading,
        ...(section.guidance ? { guidance: section.guidance } : {}),
      },
      ...paragraphs.map((text): ContentBlock => ({ type: 'paragraph', text })),
    ];
    if (section.bullets && section.bullets.length > 0) {
      blocks.push({ type: 'bulletList', items: section.bullets });
    }
    return blocks;
  });
}

/** Appends blocks to the end of the doc's editor fragment in one transaction. */
export function writeBlocks(ydoc: Y.Doc, blocks: ContentBlock[]): void {
  const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
  ydoc.transact(() => {
    fragment.insert(fragment.length, blocks.map(toElement));
  });
}

/** Encodes blocks as one Yjs update (the document's initial state). */
export function encodeBlocks(blocks: ContentBlock[]): Uint8Array {
  const ydoc = new Y.Doc();
  writeBlocks(ydoc, blocks);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

/** One block as the Yjs element the editor binding would write for it. */
export function toElement(block: ContentBlock): Y.XmlElement {
  if (block.type === 'bulletList') {
    const list = new Y.XmlElement(EDITOR_NODE.bulletList);
    list.insert(
      0,
      block.items.map((item) => {
        const listItem = new Y.XmlElement(EDITOR_NODE.listItem);
        listItem.insert(0, [textElement(EDITOR_NODE.paragraph, item)]);
        return listItem;
      }),
    );
    return list;
  }
  if (block.type === 'heading') {
    // The level is a number, as Tiptap's heading node stores it.
    const heading = new Y.XmlElement<{ level: number; guidance: string }>(EDITOR_NODE.heading);
    heading.setAttribute('level', block.level);
    if (block.guidance) heading.setAttribute('guidance', block.guidance);
    if (block.text.length > 0) heading.insert(0, [new Y.XmlText(block.text)]);
    return heading as Y.XmlElement;
  }
  return textElement(EDITOR_NODE.paragraph, block.text);
}

function textElement(nodeName: string, text: string): Y.XmlElement {
  const element = new Y.XmlElement(nodeName);
  if (text.length > 0) element.insert(0, [new Y.XmlText(text)]);
  return element;
}
