/** Image addresses allowed in document content (issue 8 item 8). */
import { getSchema } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { SafeImage } from '../../shared/editor/safeImage';
import { safeImageSrc } from '../../shared/editor/imageSrc';

describe('safeImageSrc', () => {
  it.each([
    'https://www.stuttgart.de/logo.png',
    'http://example.org/a.jpg?size=2#x',
    'HTTPS://EXAMPLE.ORG/A.PNG',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/jpeg;base64,/9j/4AAQ',
    'data:image/gif;base64,R0lGODlh',
    'data:image/webp;base64,UklGR',
  ])('keeps %s', (src) => {
    expect(safeImageSrc(src)).toBe(src);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'data:image/pngx;base64,AAAA',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/x.png',
    '/relative.png',
    'https://',
    '',
  ])('refuses %j', (src) => {
    expect(safeImageSrc(src)).toBeNull();
  });

  it('refuses what is not a string', () => {
    expect(safeImageSrc(null)).toBeNull();
    expect(safeImageSrc(undefined)).toBeNull();
    expect(safeImageSrc(42)).toBeNull();
  });
});

describe('the editor Image extension', () => {
  const schema = getSchema([Document, Paragraph, Text, SafeImage]);
  const rendered = (node: ProseMirrorNode): unknown => {
    const toDOM = node.type.spec.toDOM;
    if (!toDOM) throw new Error('image has no toDOM');
    return toDOM(node);
  };

  it('renders no src for an unsafe image arriving through the shared Yjs document', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('default');
    const good = new Y.XmlElement('image');
    good.setAttribute('src', 'https://www.stuttgart.de/logo.png');
    const bad = new Y.XmlElement('image');
    bad.setAttribute('src', 'javascript:alert(document.cookie)');
    const svg = new Y.XmlElement('image');
    svg.setAttribute('src', 'data:image/svg+xml,<svg onload=alert(1)>');
    fragment.insert(0, [good, bad, svg]);

    const doc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const [goodNode, badNode, svgNode] = [0, 1, 2].map((index) => doc.child(index));
    expect(rendered(goodNode as ProseMirrorNode)).toEqual([
      'img',
      expect.objectContaining({ src: 'https://www.stuttgart.de/logo.png' }),
    ]);
    for (const node of [badNode, svgNode]) {
      const [tag, attributes] = rendered(node as ProseMirrorNode) as [string, object];
      expect(tag).toBe('img');
      expect(attributes).not.toHaveProperty('src');
    }
  });
});
