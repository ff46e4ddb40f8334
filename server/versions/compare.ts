/** Compares two stored Yjs states as text, paragraph by paragraph, word by word. */
import { paragraphsOfState } from './content';
import { diffParagraphs, type ParagraphDiff } from './diff';

/**
 * What changed from `before` to `after` (both `Y.encodeStateAsUpdate` states). Plain text
 * only: formatting and comment marks are not differences.
 */
export function compareStates(before: Uint8Array, after: Uint8Array): ParagraphDiff[] {
  return diffParagraphs(paragraphsOfState(before), paragraphsOfState(after));
}
