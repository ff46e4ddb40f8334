import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOCUMENT_KINDS, TEMPLATE_LANGUAGES } from '../../shared/domain';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import { readCheckedDocument, toEditorXml } from '../../tests/helpers/editorDocument';
import { extractDerivedContent } from '../collab/derived';
import { BOLOGNA_CASE_STUDY } from '../demo/bolognaCaseStudy';
import { HOUSING_GUIDELINE } from '../demo/housingGuideline';
import { STUTTGART_CASE_STUDY } from '../demo/stuttgartCaseStudy';
import { toStandaloneHtml } from '../exports/html';
import { toMarkdown } from '../exports/markdown';
import { buildInitialState, templateSections } from './index';

/** The derived fields of a Y.Doc's editor content. */
function extractDerived(ydoc: Y.Doc) {
  return extractDerivedContent(ydoc.getXmlFragment(EDITOR_FRAGMENT));
}

function load(update: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  return ydoc;
}

describe('document templates', () => {
  it('gives a case study CLIP’s seven sections as level-2 headings and no other text', () => {
    const ydoc = load(buildInitialState({ kind: 'case-study' }));
    const { outline, wordCount, plainText } = extractDerived(ydoc);
    expect(outline.map((h) => h.text)).toEqual([
      'City profile',
      'Policy context',
      'The practice',
      'Implementation and resources',
      'Role of stakeholders',
      'Evaluation and evidence',
      'Lessons and transferability',
    ]);
    expect(outline.every((h) => h.level === 2)).toBe(true);
    // Headings only: the guidance is a placeholder, not text to delete by hand.
    expect(plainText).toBe(outline.map((h) => h.text).join('\n'));
    expect(wordCount).toBe(18);
  });

  it('keeps the guidance out of the text, derived data and the exports, in every language', () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const language of TEMPLATE_LANGUAGES) {
        const ydoc = load(buildInitialState({ kind, language }));
        const { plainText } = extractDerived(ydoc);
        const node = readCheckedDocument(ydoc);
        // The library renders published versions with the same HTML writer.
        const html = toStandaloneHtml({ doc: node, title: 'Case study' });
        const markdown = toMarkdown(node);
        for (const section of templateSections(kind, language)) {
          const guidance = section.guidance ?? '';
          expect(guidance.trim(), `${kind} ${language}`).not.toBe('');
          expect(plainText, `${kind} ${language}`).not.toContain(guidance);
          expect(html, `${kind} ${language}`).not.toContain(guidance);
          expect(markdown, `${kind} ${language}`).not.toContain(guidance);
        }
      }
    }
  });

  it('uses StarterKit node names with a numeric heading level, the guidance on it, then an empty paragraph', () => {
    const ydoc = load(buildInitialState({ kind: 'guideline' }));
    const nodes = ydoc.getXmlFragment(EDITOR_FRAGMENT).toArray() as Y.XmlElement[];
    expect(nodes.map((n) => n.nodeName).slice(0, 4)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    expect(nodes[0]?.getAttribute('level')).toBe(2);
    expect(nodes[0]?.toString()).toBe(
      '<heading guidance="State the policy area, the audience and the cities whose experience this guideline draws on." level="2">Scope</heading>',
    );
    expect(nodes[1]?.toString()).toBe('<paragraph></paragraph>');
    const json = readCheckedDocument(ydoc).toJSON() as { content: { attrs?: object }[] };
    expect(json.content[0]?.attrs).toEqual({
      level: 2,
      guidance:
        'State the policy area, the audience and the cities whose experience this guideline draws on.',
    });
  });

  it('has a template for every kind', () => {
    for (const kind of DOCUMENT_KINDS) {
      const { outline } = extractDerived(load(buildInitialState({ kind })));
      expect(outline.length, kind).toBeGreaterThan(0);
    }
    const minutes = extractDerived(load(buildInitialState({ kind: 'minutes' })));
    expect(minutes.outline.map((h) => h.text)).toEqual([
      'Attendees',
      'Agenda',
      'Decisions',
      'Actions',
    ]);
  });

  it('writes given section texts and bullet lists instead of the prompts', () => {
    const update = buildInitialState({
      kind: 'note',
      sections: [
        { heading: 'Visit', paragraphs: ['First line.', 'Second line.'], bullets: ['one', 'two'] },
      ],
    });
    const ydoc = load(update);
    const derived = extractDerived(ydoc);
    expect(derived.plainText).toBe('Visit\nFirst line.\nSecond line.\none\ntwo');
    expect(derived.wordCount).toBe(7);
    const list = ydoc.getXmlFragment(EDITOR_FRAGMENT).toArray()[3] as Y.XmlElement;
    expect(list.nodeName).toBe('bulletList');
    const items = list.toArray() as Y.XmlElement[];
    expect(items.map((item) => item.nodeName)).toEqual(['listItem', 'listItem']);
    expect(items[0]?.toString()).toBe('<listitem><paragraph>one</paragraph></listitem>');
  });

  it('has the same sections, in the same order, in every template language', () => {
    for (const kind of DOCUMENT_KINDS) {
      const english = templateSections(kind, 'en');
      for (const language of TEMPLATE_LANGUAGES) {
        const translated = templateSections(kind, language);
        expect(translated.length, `${kind} ${language}`).toBe(english.length);
        for (const section of translated) {
          expect(section.heading.trim(), `${kind} ${language}`).not.toBe('');
          expect(section.guidance?.trim(), `${kind} ${language}`).not.toBe('');
          expect(section.paragraphs, `${kind} ${language}`).toEqual([]);
        }
        if (language !== 'en') {
          expect(translated, `${kind} ${language}`).not.toEqual(english);
        }
      }
    }
    expect(templateSections('case-study', 'hr')).toEqual(templateSections('case-study', 'en'));
  });

  it('produces documents the shared editor schema accepts unchanged, for every kind and the demo texts', () => {
    const states = [
      ...DOCUMENT_KINDS.flatMap((kind) =>
        TEMPLATE_LANGUAGES.map((language) => buildInitialState({ kind, language })),
      ),
      ...[HOUSING_GUIDELINE, STUTTGART_CASE_STUDY, BOLOGNA_CASE_STUDY].map((demo) =>
        buildInitialState({ kind: 'case-study', sections: demo.sections }),
      ),
    ];
    for (const state of states) {
      const ydoc = load(state);
      const written = ydoc.getXmlFragment(EDITOR_FRAGMENT).toString();
      // Throws if the editor would drop any part of the template or the result breaks the schema.
      const node = readCheckedDocument(ydoc);
      expect(node.childCount).toBeGreaterThan(1);
      // The editor would store exactly what the template wrote: same nodes, same attributes.
      expect(toEditorXml(node)).toBe(written);
    }
    const withList = buildInitialState({
      kind: 'note',
      sections: [{ heading: 'A', paragraphs: ['b'], bullets: ['c'] }],
    });
    const json = readCheckedDocument(load(withList)).toJSON();
    expect(json).toEqual({
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2, guidance: null },
          content: [{ type: 'text', text: 'A' }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'b' }] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'c' }] }],
            },
          ],
        },
      ],
    });
  });
});
