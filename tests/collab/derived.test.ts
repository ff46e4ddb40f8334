import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { countWords, extractDerivedContent } from '../../server/collab/derived';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { everyNodeDocumentJson, ydocFromJson } from '../helpers/editorDocument';

/** Builds Tiptap-shaped content: [nodeName, attrs, children | text]. */
type Node = [string, Record<string, unknown>, Node[] | string];

function build(nodes: Node[]): Y.XmlFragment {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment('default');
  const toY = ([name, attrs, children]: Node): Y.XmlElement => {
    const element = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
    if (typeof children === 'string') {
      const text = new Y.XmlText();
      text.insert(0, children);
      element.insert(0, [text]);
    } else {
      element.insert(0, children.map(toY));
    }
    return element;
  };
  fragment.insert(0, nodes.map(toY));
  return fragment;
}

describe('extractDerivedContent', () => {
  it('reads plain text per block, the heading outline and the word count', () => {
    const fragment = build([
      ['heading', { level: 1 }, 'Housing and integration'],
      ['paragraph', {}, 'Stuttgart’s approach: co-draft with NGOs.'],
      ['heading', { level: 2 }, 'Findings'],
      [
        'bulletList',
        {},
        [
          ['listItem', {}, [['paragraph', {}, 'First point']]],
          ['listItem', {}, [['paragraph', {}, 'Second point']]],
        ],
      ],
      ['paragraph', {}, ''],
    ]);
    const derived = extractDerivedContent(fragment);
    expect(derived.plainText).toBe(
      'Housing and integration\nStuttgart’s approach: co-draft with NGOs.\nFindings\nFirst point\nSecond point',
    );
    expect(derived.outline).toEqual([
      { level: 1, text: 'Housing and integration' },
      { level: 2, text: 'Findings' },
    ]);
    expect(derived.wordCount).toBe(13);
  });

  it('ignores formatting marks and clamps odd heading levels', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('default');
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '9');
    const text = new Y.XmlText();
    heading.insert(0, [text]);
    fragment.insert(0, [heading]);
    text.insert(0, 'Bold');
    text.insert(4, ' title', { bold: true });
    expect(extractDerivedContent(fragment)).toEqual({
      plainText: 'Bold title',
      outline: [{ level: 6, text: 'Bold title' }],
      wordCount: 2,
    });
  });

  it('reads a document written through the shared editor schema, every node and mark included', () => {
    const fragment = ydocFromJson(everyNodeDocumentJson()).getXmlFragment(EDITOR_FRAGMENT);
    const derived = extractDerivedContent(fragment);
    // A hard break joins its line with a space; each table cell is a line; rules and images
    // add no text; marks (comment marks too) leave the text as typed; a suggested insertion
    // is not part of the text until accepted, a suggested deletion still is.
    expect(derived.plainText.split('\n')).toEqual([
      'Housing in Stuttgart',
      'Plain bold italic under struck code link commented removed reworded',
      'Quoted',
      'const x = 1;',
      'First point',
      'Second point',
      'City',
      'Homes',
      'Bologna',
      '120',
      'Findings',
    ]);
    expect(derived.outline).toEqual([
      { level: 1, text: 'Housing in Stuttgart' },
      { level: 2, text: 'Findings' },
    ]);
    expect(derived.wordCount).toBe(26);
  });

  it('counts pending suggestions as the text stands: deletions yes, insertions and markers no', () => {
    const insertion = { type: 'insertion', attrs: { id: 'user-1~abc' } };
    const deletion = { type: 'deletion', attrs: { id: 'user-1~def' } };
    const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
    const json = {
      type: 'doc',
      content: [
        paragraph(
          { type: 'text', text: 'Housing ' },
          { type: 'text', text: 'first ', marks: [insertion] },
          { type: 'text', text: 'policy\u200B', marks: [deletion] },
        ),
        paragraph(
          { type: 'text', text: '\u200B', marks: [deletion] },
          { type: 'text', text: 'Bologna' },
        ),
      ],
    };
    const fragment = ydocFromJson(json).getXmlFragment(EDITOR_FRAGMENT);
    expect(extractDerivedContent(fragment)).toEqual({
      plainText: 'Housing policy\nBologna',
      outline: [],
      wordCount: 3,
    });
  });

  it('returns empty fields for an empty document', () => {
    expect(extractDerivedContent(new Y.Doc().getXmlFragment('default'))).toEqual({
      plainText: '',
      outline: [],
      wordCount: 0,
    });
  });

  it('counts words across scripts and keeps hyphenated words whole', () => {
    expect(countWords('Liège, Amsterdam — Wien: 3 cities; co-draft it’s')).toBe(7);
    expect(countWords('  ')).toBe(0);
  });
});
