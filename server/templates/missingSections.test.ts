import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { extractDerivedContent } from '../collab/derived';
import { writeBlocks } from './content';
import { addMissingSections } from './missingSections';
import type { Section } from './content';

const SECTIONS: Section[] = [
  { heading: 'City profile', paragraphs: ['Prompt A'] },
  { heading: 'Policy context', paragraphs: ['Prompt B'] },
  { heading: 'The practice', paragraphs: ['Prompt C'] },
];

function outline(ydoc: Y.Doc): string[] {
  return extractDerivedContent(ydoc.getXmlFragment(EDITOR_FRAGMENT)).outline.map((h) => h.text);
}

describe('addMissingSections', () => {
  it('fills an empty document with every section', () => {
    const ydoc = new Y.Doc();
    expect(addMissingSections(ydoc, SECTIONS)).toEqual(SECTIONS.map((s) => s.heading));
    expect(outline(ydoc)).toEqual(SECTIONS.map((s) => s.heading));
  });

  it('counts a heading written in other case, spacing or level as present, and changes nothing', () => {
    const ydoc = new Y.Doc();
    writeBlocks(ydoc, [
      { type: 'heading', level: 3, text: '  city   PROFILE ' },
      { type: 'heading', level: 2, text: 'Policy context' },
      { type: 'heading', level: 2, text: 'The practice' },
    ]);
    const before = Y.encodeStateVector(ydoc);
    expect(addMissingSections(ydoc, SECTIONS)).toEqual([]);
    expect(Y.encodeStateVector(ydoc)).toEqual(before);
  });

  it('puts a missing section before the next template section the text has, after own text', () => {
    const ydoc = new Y.Doc();
    writeBlocks(ydoc, [
      { type: 'paragraph', text: 'Intro written by the city' },
      { type: 'heading', level: 2, text: 'The practice' },
      { type: 'paragraph', text: 'What we do' },
      { type: 'heading', level: 2, text: 'Annex' },
    ]);
    expect(addMissingSections(ydoc, SECTIONS)).toEqual(['City profile', 'Policy context']);
    expect(outline(ydoc)).toEqual(['City profile', 'Policy context', 'The practice', 'Annex']);
    const first = ydoc.getXmlFragment(EDITOR_FRAGMENT).get(0) as Y.XmlElement;
    expect(first.toString()).toContain('Intro written by the city');
  });
});
