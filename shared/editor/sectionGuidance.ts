/**
 * One more heading attribute, `guidance`: what a template section should say. The editor shows
 * it as a placeholder in the section's empty paragraph (client/src/editor/sectionGuidance.ts);
 * it is never text, so derived text, search, word counts, exports and the library (which read
 * text and the attributes they know) leave it out. `rendered: false` keeps it out of HTML
 * (copy, `getHTML`) as well. A global attribute, so StarterKit's own heading stays as it is.
 */
import { Extension } from '@tiptap/core';
import { EDITOR_NODE } from './schema';

/** The attribute's name, as stored on the heading's Yjs element. */
export const GUIDANCE_ATTRIBUTE = 'guidance';

/** Adds `guidance` (null on every heading a person writes) to the heading node. */
export const SectionGuidanceAttribute = Extension.create({
  name: 'sectionGuidanceAttribute',
  addGlobalAttributes() {
    return [
      {
        types: [EDITOR_NODE.heading],
        attributes: {
          [GUIDANCE_ATTRIBUTE]: {
            default: null,
            rendered: false,
            // Enter in the middle of a heading leaves the guidance with its first half.
            keepOnSplit: false,
          },
        },
      },
    ];
  },
});
