/**
 * Imports without a server: real-world DOCX and Markdown fixtures become editor documents
 * with their structure; hostile files (zip bombs, lying archives, macros, binary files named
 * .md, linked images) are refused or defused before any library unpacks them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { documentNodeFromState, stateFromDocumentNode } from '../../server/editor/documentContent';
import { AppError } from '../../server/errors';
import { importDocumentFile } from '../../server/imports';
import { htmlToDocument } from '../../server/imports/htmlToDocument';
import { inspectZip } from '../../server/imports/zipInspection';
import { buildZip } from '../fixtures/zipBuilder';

const fixture = (name: string): Buffer =>
  readFileSync(path.join(import.meta.dirname, '..', 'fixtures', name));
const MB = 1024 * 1024;

async function importFixture(name: string): Promise<ProseMirrorNode> {
  const { doc } = await importDocumentFile({
    fileName: name,
    file: fixture(name),
    maxUncompressedBytes: 50 * MB,
  });
  return doc;
}

/** The code of the AppError `promise` rejects with. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, code: error.code };
    throw error;
  }
  throw new Error('expected a refusal');
}

function nodesOf(doc: ProseMirrorNode, type: string): ProseMirrorNode[] {
  const found: ProseMirrorNode[] = [];
  doc.descendants((node) => {
    if (node.type.name === type) found.push(node);
  });
  return found;
}

describe('DOCX import', () => {
  it('keeps headings, nested and numbered lists, the table with its merged cells, links and the picture', async () => {
    const doc = await importFixture('case-study-bologna.docx');
    expect(nodesOf(doc, 'heading').map((h) => [h.attrs.level, h.textContent])).toEqual([
      [1, 'Housing and integration in Bologna'],
      [2, 'Role of stakeholders'],
      [2, 'Steps taken'],
      [2, 'Findings'],
    ]);
    const bullets = nodesOf(doc, 'bulletList');
    expect(bullets[0]?.textContent).toBe(
      'Migrant organisationsHousing cooperativesSocial partners',
    );
    expect(bullets).toHaveLength(2); // the nested list lives inside the first
    expect(nodesOf(doc, 'orderedList')[0]?.textContent).toBe('Survey of tenantsMediation service');
    const cells = nodesOf(doc, 'tableCell').concat(nodesOf(doc, 'tableHeader'));
    expect(cells.find((c) => c.textContent === 'Housing units')?.attrs.colspan).toBe(2);
    expect(cells.find((c) => c.textContent === 'Navile')?.attrs.rowspan).toBe(2);
    const link = nodesOf(doc, 'text').find((t) => t.text === 'the city website');
    expect(link?.marks[0]?.attrs.href).toBe('https://www.comune.bologna.it/');
    expect(doc.textContent).toContain('Straßenfeste, hébergement, Čakovec, đaci');
    expect(nodesOf(doc, 'image')[0]?.attrs.src).toMatch(/^data:image\/png;base64,/);
    // It survives the trip through Yjs unchanged, as the editor will hold it.
    expect(documentNodeFromState(stateFromDocumentNode(doc)).toJSON()).toEqual(doc.toJSON());
  });

  it('reads a file as Word writes it: field links, content controls, pending changes, comments', async () => {
    const doc = await importFixture('word-authored.docx');
    expect(nodesOf(doc, 'heading').map((h) => [h.attrs.level, h.textContent])).toEqual([
      [1, 'Intercultural housing in Graz'],
      [2, 'Role of stakeholders'],
    ]);
    // A link Word wrote as a HYPERLINK field; spelling marks and bookmarks leave no trace.
    const link = nodesOf(doc, 'text').find((t) => t.text === 'the city portal');
    expect(link?.marks.map((mark) => [mark.type.name, mark.attrs.href])).toEqual([
      ['link', 'https://www.graz.at/'],
    ]);
    expect(JSON.stringify(doc.toJSON())).not.toContain('_Toc1');
    // Pending tracked changes come in as if accepted; the comment's text stays out.
    const paragraphs = nodesOf(doc, 'paragraph').map((p) => p.textContent);
    expect(paragraphs).toContain('Housing NGOs run the new welcome desk.');
    expect(doc.textContent).not.toContain('old ');
    expect(doc.textContent).not.toContain('Check the name');
    const bold = nodesOf(doc, 'text').find((t) => t.text === 'welcome desk');
    expect(bold?.marks.map((mark) => mark.type.name)).toEqual(['bold']);
    // Word's vertical merge is a cell spanning two rows.
    const cells = nodesOf(doc, 'tableCell').concat(nodesOf(doc, 'tableHeader'));
    expect(cells.find((c) => c.textContent === 'Lend')?.attrs.rowspan).toBe(2);
    expect(documentNodeFromState(stateFromDocumentNode(doc)).toJSON()).toEqual(doc.toJSON());
  });

  it('drops a picture the file only links to, fetching nothing', async () => {
    const doc = await importFixture('external-image.docx');
    expect(nodesOf(doc, 'image')).toEqual([]);
    expect(JSON.stringify(doc.toJSON())).not.toContain('169.254.169.254');
    expect(nodesOf(doc, 'heading')).toHaveLength(4);
  });

  it('refuses macros, by name and by content', async () => {
    expect(await refusal(importFixture('with-macros.docx'))).toEqual({
      status: 415,
      code: 'macros_not_allowed',
    });
    const renamed = importDocumentFile({
      fileName: 'Bologna.docm',
      file: fixture('case-study-bologna.docx'),
      maxUncompressedBytes: 50 * MB,
    });
    expect(await refusal(renamed)).toEqual({ status: 415, code: 'macros_not_allowed' });
  });

  it('refuses files that are not Word documents', async () => {
    const cases: [string, Buffer][] = [
      ['not-a-zip.docx', Buffer.from('just some text pretending')],
      ['truncated.docx', fixture('case-study-bologna.docx').subarray(0, 4000)],
      ['other.docx', buildZip([{ name: 'hello.txt', data: Buffer.from('hi') }])],
    ];
    for (const [fileName, file] of cases) {
      const result = await refusal(
        importDocumentFile({ fileName, file, maxUncompressedBytes: MB }),
      );
      expect(result, fileName).toEqual({ status: 422, code: 'corrupt_file' });
    }
    for (const fileName of ['notes.txt', 'sheet.xlsx', 'doc.doc', 'noextension']) {
      const result = await refusal(
        importDocumentFile({ fileName, file: Buffer.from('x'), maxUncompressedBytes: MB }),
      );
      expect(result, fileName).toEqual({ status: 415, code: 'unsupported_file_type' });
    }
  });
});

describe('zip bombs', () => {
  const zeros = Buffer.alloc(8 * MB);

  it('refuses an archive that declares more than the cap, before inflating anything', async () => {
    const bomb = buildZip([{ name: 'word/document.xml', data: zeros }]);
    expect(bomb.length).toBeLessThan(20_000);
    expect(await refusal(inspectZip(bomb, { maxUncompressedBytes: 4 * MB }))).toEqual({
      status: 413,
      code: 'archive_too_large',
    });
  });

  it('refuses an archive whose headers lie about the size, by inflating under the cap', async () => {
    const liar = buildZip([{ name: 'word/document.xml', data: zeros, declaredSize: 1000 }]);
    expect(await refusal(inspectZip(liar, { maxUncompressedBytes: 4 * MB }))).toEqual({
      status: 413,
      code: 'archive_too_large',
    });
    // Under the cap, a lying size is a damaged archive.
    expect(await refusal(inspectZip(liar, { maxUncompressedBytes: 16 * MB }))).toEqual({
      status: 422,
      code: 'corrupt_file',
    });
  });

  it('counts every entry against one budget', async () => {
    const many = buildZip(
      Array.from({ length: 5 }, (_, i) => ({ name: `word/part${i}.xml`, data: Buffer.alloc(MB) })),
    );
    expect((await inspectZip(many, { maxUncompressedBytes: 6 * MB })).length).toBe(5);
    expect(await refusal(inspectZip(many, { maxUncompressedBytes: 4 * MB }))).toEqual({
      status: 413,
      code: 'archive_too_large',
    });
  });
});

describe('Markdown import', () => {
  it('keeps headings, lists, the table, quote, code and links of a case study', async () => {
    const doc = await importFixture('case-study-stuttgart.md');
    expect(nodesOf(doc, 'heading').map((h) => h.textContent)).toEqual([
      'Intercultural policies in Stuttgart',
      'Role of stakeholders',
      'Steps taken',
      'Figures',
    ]);
    expect(nodesOf(doc, 'bulletList')).toHaveLength(2);
    expect(nodesOf(doc, 'orderedList')[0]?.childCount).toBe(3);
    expect(nodesOf(doc, 'tableHeader').map((c) => c.textContent)).toEqual([
      'Year',
      'Residents with migrant background',
      'Share',
    ]);
    expect(nodesOf(doc, 'tableRow')).toHaveLength(3);
    expect(nodesOf(doc, 'blockquote')).toHaveLength(1);
    expect(nodesOf(doc, 'codeBlock')[0]?.textContent).toBe('budget_2015 = 1.2e6  # EUR');
    const hrefs = nodesOf(doc, 'text').flatMap((t) => t.marks.map((m) => m.attrs.href as string));
    expect(hrefs).toEqual(
      expect.arrayContaining([
        'https://www.stuttgart.de/integration',
        'mailto:integration@stuttgart.de',
      ]),
    );
    expect(hrefs.some((href) => href?.startsWith('javascript'))).toBe(false);
    expect(doc.textContent).toContain('Straßenfeste');
    expect(doc.textContent).toContain('Čakovec and Đakovo');
    // Raw HTML in the file is kept as the text it is, never as markup.
    expect(doc.textContent).toContain('<script>alert("x")</script>');
  });

  it('refuses binary files and text that is not UTF-8', async () => {
    for (const file of [
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]),
      Buffer.from([0xff, 0xfe, 0xc3]),
    ]) {
      expect(
        await refusal(importDocumentFile({ fileName: 'x.md', file, maxUncompressedBytes: MB })),
      ).toEqual({ status: 422, code: 'corrupt_file' });
    }
  });
});

describe('HTML to the editor schema', () => {
  it('builds valid content from loose structure', () => {
    const doc = htmlToDocument(
      '<li><h2>Heading in a list</h2></li>text<b>bold <i>both</i></b><table><tr><td></td></tr></table>' +
        '<p><img src="javascript:x"></p><pre><b>code</b></pre><a href="vbscript:x">x</a><style>p{}</style>',
    );
    expect(() => doc.check()).not.toThrow();
    expect(doc.child(0).type.name).toBe('bulletList');
    expect(doc.textContent).not.toContain('p{}');
    expect(nodesOf(doc, 'image')).toEqual([]);
    expect(JSON.stringify(doc.toJSON())).not.toMatch(/javascript|vbscript/);
  });
});
