/**
 * "Add the template's missing sections": a person who deleted a section heading (or a
 * document older than a template change) gets the template's sections back, each where the
 * template puts it, without touching anything already written. Runs inside a live change
 * (`collab.change`), so it reads the document as it is at that moment and clients see the
 * new sections at once.
 */
import * as Y from 'yjs';
import { EDITOR_FRAGMENT, EDITOR_NODE } from '../../shared/editor/schema';
import { elementText } from '../collab/derived';
import { sectionsToBlocks, toElement, type Section } from './content';

/** Headings compare without case and surrounding or repeated spaces ("Policy  context "). */
function headingKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** The top-level heading elements of the fragment by their key, first occurrence wins. */
function headingPositions(fragment: Y.XmlFragment): Map<string, number> {
  const positions = new Map<string, number>();
  fragment.toArray().forEach((node, index) => {
    if (!(node instanceof Y.XmlElement) || node.nodeName !== EDITOR_NODE.heading) return;
    const key = headingKey(elementText(node));
    if (key && !positions.has(key)) positions.set(key, index);
  });
  return positions;
}

/**
 * Inserts into `ydoc` every section of `sections` whose heading it lacks (at any level),
 * before the next template section it has, or at the end. Returns the headings added, in
 * template order (empty when nothing was missing: the document is left untouched).
 */
export function addMissingSections(ydoc: Y.Doc, sections: readonly Section[]): string[] {
  const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
  const present = headingPositions(fragment);
  const missing = sections.filter((section) => !present.has(headingKey(section.heading)));
  if (missing.length === 0) return [];
  ydoc.transact(() => {
    // Walk the template backwards so each insertion index is still valid for the next one.
    for (let index = sections.length - 1; index >= 0; index -= 1) {
      const section = sections[index]!;
      if (present.has(headingKey(section.heading))) continue;
      const before = nextPresentPosition(sections, index, headingPositions(fragment));
      fragment.insert(before ?? fragment.length, sectionsToBlocks([section]).map(toElement));
    }
  });
  return missing.map((section) => section.heading);
}

/** Where the first template section after `index` that the document has starts, if any. */
function nextPresentPosition(
  sections: readonly Section[],
  index: number,
  positions: Map<string, number>,
): number | undefined {
  for (const later of sections.slice(index + 1)) {
    const position = positions.get(headingKey(later.heading));
    if (position !== undefined) return position;
  }
  return undefined;
}
