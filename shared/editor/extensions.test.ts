import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  everyNodeDocumentJson,
  readCheckedDocument,
  ydocFromJson,
} from '../../tests/helpers/editorDocument';
import { editorExtensions, getEditorSchema } from './extensions';
import { EDITOR_FRAGMENT, EDITOR_MARK, EDITOR_NODE } from './schema';

describe('the shared editor schema', () => {
  it('loads in Node without a DOM, once', () => {
    expect(typeof document).toBe('undefined');
    expect(typeof window).toBe('undefined');
    expect(getEditorSchema()).toBe(getEditorSchema());
    expect(editorExtensions().map((extension) => extension.name)).toEqual([
      'starterKit',
      'sectionGuidanceAttribute',
      'tableKit',
      'image',
      'comment',
      'insertion',
      'deletion',
      'modification',
    ]);
  });

  it('has exactly the node and mark names the templates, derived text and stored documents use', () => {
    const schema = getEditorSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual(Object.values(EDITOR_NODE).sort());
    expect(Object.keys(schema.marks).sort()).toEqual(Object.values(EDITOR_MARK).sort());
    expect(schema.topNodeType.name).toBe(EDITOR_NODE.doc);
    // Tiptap stores the heading level as a number; templates write it the same way.
    expect(schema.nodes.heading?.spec.attrs?.level?.default).toBe(1);
    // A template section's guidance: an attribute of the heading, never text.
    expect(schema.nodes.heading?.spec.attrs?.guidance?.default).toBeNull();
  });

  it('keeps a document using every node and mark intact through the Yjs fragment', () => {
    const json = everyNodeDocumentJson();
    const ydoc = ydocFromJson(json);
    expect(ydoc.getXmlFragment(EDITOR_FRAGMENT).length).toBe(10);
    const node = readCheckedDocument(ydoc);
    expect(node.toJSON()).toEqual(getEditorSchema().nodeFromJSON(json).toJSON());
    const types = new Set<string>();
    node.descendants((child) => {
      types.add(child.type.name);
      child.marks.forEach((mark) => types.add(mark.type.name));
    });
    expect([...types, 'doc'].sort()).toEqual(
      [...Object.values(EDITOR_NODE), ...Object.values(EDITOR_MARK)].sort(),
    );
  });

  it('refuses content the editor would drop or could not hold', () => {
    const unknownNode = new Y.Doc();
    unknownNode.getXmlFragment(EDITOR_FRAGMENT).insert(0, [new Y.XmlElement('callout')]);
    expect(() => readCheckedDocument(unknownNode)).toThrow(/dropped/);

    const unknownMark = new Y.Doc();
    const paragraph = new Y.XmlElement(EDITOR_NODE.paragraph);
    unknownMark.getXmlFragment(EDITOR_FRAGMENT).insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText()]);
    (paragraph.get(0) as Y.XmlText).insert(0, 'glowing', { glow: true });
    expect(() => readCheckedDocument(unknownMark)).toThrow(/dropped/);

    const paragraphInList = new Y.Doc();
    const list = new Y.XmlElement(EDITOR_NODE.bulletList);
    paragraphInList.getXmlFragment(EDITOR_FRAGMENT).insert(0, [list]);
    list.insert(0, [new Y.XmlElement(EDITOR_NODE.paragraph)]);
    expect(() => readCheckedDocument(paragraphInList)).toThrow(/dropped/);

    const boldCode = new Y.Doc();
    const codeBlock = new Y.XmlElement(EDITOR_NODE.codeBlock);
    boldCode.getXmlFragment(EDITOR_FRAGMENT).insert(0, [codeBlock]);
    codeBlock.insert(0, [new Y.XmlText()]);
    (codeBlock.get(0) as Y.XmlText).insert(0, 'x = 1', { [EDITOR_MARK.bold]: true });
    expect(() => readCheckedDocument(boldCode)).toThrow(/dropped/);
  });

  it('renders images through the safe-address rules', () => {
    const image = getEditorSchema().nodes.image;
    const render = (src: string) => image?.spec.toDOM?.(image.create({ src }));
    expect(render('https://example.org/map.png')).toEqual([
      'img',
      expect.objectContaining({ src: 'https://example.org/map.png' }),
    ]);
    expect(render('javascript:alert(1)')).toEqual([
      'img',
      expect.not.objectContaining({ src: expect.anything() }),
    ]);
  });
});
