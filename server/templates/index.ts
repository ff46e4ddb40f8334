/**
 * Initial Yjs content for new documents: every kind starts from its section skeleton,
 * and the demo seed fills the same skeleton with real text.
 */
import type { DocumentKind, DocumentLanguage } from '../../shared/domain';
import { encodeBlocks, sectionsToBlocks, type Section } from './content';
import { templateSections } from './sections';

export type { ContentBlock, Section } from './content';
export { encodeBlocks, sectionsToBlocks, writeBlocks } from './content';
export { TEMPLATE_SECTIONS, templateSections } from './sections';

/**
 * The initial state (one Yjs update) of a new document of `kind`. With `sections`, those
 * replace the template's prompts (the demo seed uses that to write real text).
 */
export function buildInitialState(input: {
  kind: DocumentKind;
  /** The template's language (default English). */
  language?: DocumentLanguage;
  sections?: Section[];
}): Uint8Array {
  const sections = input.sections ?? templateSections(input.kind, input.language);
  return encodeBlocks(sectionsToBlocks(sections));
}
