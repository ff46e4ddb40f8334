/**
 * The content of a version as the server works with it: a Y.Doc rebuilt from the stored state,
 * its paragraphs (for comparing), and the change that makes a live document's text equal to
 * a version's (for restoring through the live document).
 */
import * as Y from 'yjs';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { extractDerivedContent } from '../collab/derived';
import { diffSequences } from './diff';

/** A detached Y.Doc holding `state` (a `Y.encodeStateAsUpdate` of a document). */
export function docFromState(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc({ gc: true });
  Y.applyUpdate(ydoc, state);
  return ydoc;
}

/** The plain text of a document's editor content (one line per text block). */
export function plainTextOf(ydoc: Y.Doc): string {
  return extractDerivedContent(ydoc.getXmlFragment(EDITOR_FRAGMENT)).plainText;
}

/** The text blocks of a state, in order: what the compare view aligns. */
export function paragraphsOfState(state: Uint8Array): string[] {
  const ydoc = docFromState(state);
  try {
    const text = plainTextOf(ydoc);
    return text === '' ? [] : text.split('\n');
  } finally {
    ydoc.destroy();
  }
}

/** What the editor puts at the top of its fragment (it writes no XmlHooks). */
type Block = Y.XmlElement | Y.XmlText;

/** The fragment's blocks (any XmlHook a foreign client wrote counts as a block too). */
function blocksOf(fragment: Y.XmlFragment): Block[] {
  return fragment.toArray() as Block[];
}

/**
 * Makes `target`'s editor content equal `source`'s, as one set of edits on `target` (call it
 * inside a transaction, e.g. `collab.change`). Top-level blocks that are the same in both
 * (same type, attributes, text and marks) are kept as they are, so what someone types in them
 * meanwhile survives; the others are deleted and copies of the source's inserted. The result
 * is an ordinary Yjs change: connected and offline clients merge it like any peer's edit.
 */
export function replaceContent(target: Y.Doc, source: Y.Doc): void {
  const fragment = target.getXmlFragment(EDITOR_FRAGMENT);
  const current = blocksOf(fragment);
  const wanted = blocksOf(source.getXmlFragment(EDITOR_FRAGMENT));
  const key = (block: Block): string => `${block.constructor.name}:${block.toString()}`;
  const currentKeys = current.map(key);
  const wantedKeys = wanted.map(key);
  let position = 0;
  for (const step of diffSequences(currentKeys, wantedKeys)) {
    if (step.op === 'equal') position += 1;
    else if (step.op === 'delete') fragment.delete(position, 1);
    else {
      fragment.insert(position, [wanted[step.bIndex]!.clone()]);
      position += 1;
    }
  }
}
