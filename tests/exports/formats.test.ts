/**
 * Each export format from one realistic case study (pure functions, no server): the
 * structure a reader's program sees, read back with real parsers (JSZip for the DOCX's XML,
 * mammoth, pdf-parse), and hostile content rendered harmless.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import {
  documentNodeFromJson,
  documentNodeFromState,
  exportDocument,
  exportFileName,
} from '../../server/exports';
import { toDocx } from '../../server/exports/docx';
import { toHtmlBody, toStandaloneHtml } from '../../server/exports/html';
import { toMarkdown } from '../../server/exports/markdown';
import { toPdf } from '../../server/exports/pdf';
import * as Y from 'yjs';
import { ydocFromJson } from '../helpers/editorDocument';
import { ACCENTED_WORDS, caseStudyJson, hostileJson } from '../fixtures/caseStudyContent';

const caseStudy = documentNodeFromJson(caseStudyJson());
const hostile = documentNodeFromJson(hostileJson());

async function docxXml(buffer: Buffer, file = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const entry = zip.file(file);
  if (!entry) throw new Error(`${file} is missing`);
  return entry.async('string');
}

async function pdfText(buffer: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(buffer) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('document content', () => {
  it('reads the same document from a Yjs state as from its JSON', () => {
    const state = Y.encodeStateAsUpdate(ydocFromJson(caseStudyJson()));
    expect(documentNodeFromState(state).toJSON()).toEqual(caseStudy.toJSON());
  });

  it('exports the text as it stands: pending suggested insertions out, deletions in, no marks', () => {
    const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
    const state = Y.encodeStateAsUpdate(
      ydocFromJson({
        type: 'doc',
        content: [
          paragraph(
            { type: 'text', text: 'Housing ' },
            { type: 'text', text: 'first ', marks: [{ type: 'insertion', attrs: { id: 'u~1' } }] },
            { type: 'text', text: 'policy', marks: [{ type: 'deletion', attrs: { id: 'u~2' } }] },
          ),
        ],
      }),
    );
    const doc = documentNodeFromState(state);
    expect(doc.toJSON()).toEqual({
      type: 'doc',
      content: [paragraph({ type: 'text', text: 'Housing policy' })],
    });
    expect(toMarkdown(doc)).toBe('Housing policy\n');
  });
});

describe('Markdown export', () => {
  it('writes headings, nested lists, a GitHub table, links and images', () => {
    const markdown = toMarkdown(caseStudy);
    expect(markdown).toContain('# Wohnen in Stuttgart\n');
    expect(markdown).toContain('## Role of stakeholders\n');
    expect(markdown).toMatch(/- Migrant organisations\n\s+- Nested point/);
    expect(markdown).toContain('1. First step\n2. Second step');
    expect(markdown).toContain('| City | Housing units |  |\n| --- | --- | --- |');
    expect(markdown).toContain('| Bologna | 120 | social |');
    expect(markdown).toContain('[the CLIP network](https://www.eurofound.europa.eu/clip)');
    expect(markdown).toContain('**hébergement**');
    expect(markdown).toContain('> Integration is a local matter.');
    expect(markdown).toContain('![Map of the district](data:image/png;base64,');
    for (const word of ACCENTED_WORDS) expect(markdown).toContain(word);
  });

  it('leaves out script links and unsafe images', () => {
    const markdown = toMarkdown(hostile);
    expect(markdown).not.toContain('javascript:');
    expect(markdown).not.toContain('svg');
    expect(markdown).not.toContain('/etc/passwd');
    expect(markdown).toContain('click me');
    // Text that looks like HTML stays text in any reader's Markdown renderer.
    expect(markdown).toContain('\\<script>alert(2)\\</script>');
  });
});

describe('HTML export', () => {
  it('is a standalone styled page with the document structure and a print stylesheet', () => {
    const html = toStandaloneHtml({ doc: caseStudy, title: 'Wohnen & <Integration>' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Wohnen &amp; &lt;Integration&gt;</title>');
    expect(html).toContain('@media print');
    expect(html).toContain('<h2>Role of stakeholders</h2>');
    expect(html).toContain('<th colspan="2" style="width:250px">');
    expect(html).toContain('<td rowspan="2">');
    expect(html).toContain('href="https://www.eurofound.europa.eu/clip"');
    expect(html).toContain('<img src="data:image/png;base64,');
    for (const word of ACCENTED_WORDS) expect(html).toContain(word);
  });

  it('renders hostile content inert', () => {
    const html = toHtmlBody(hostile);
    expect(html).not.toMatch(/javascript:|<script|svg|\/etc\/passwd/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('click me');
  });
});

describe('DOCX export', () => {
  it('has heading styles, numbered and bulleted lists, links and an embedded image', async () => {
    const buffer = await toDocx({ doc: caseStudy, title: 'Wohnen in Stuttgart' });
    const xml = await docxXml(buffer);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toMatch(/<w:numPr><w:ilvl w:val="1"\/>/); // the nested bullet
    expect(xml).toContain('<w:hyperlink');
    const rels = await docxXml(buffer, 'word/_rels/document.xml.rels');
    expect(rels).toContain('Target="https://www.eurofound.europa.eu/clip" TargetMode="External"');
    const zip = await JSZip.loadAsync(buffer);
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(true);

    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain('<h1>Wohnen in Stuttgart</h1>');
    expect(html).toContain('<ol><li>First step</li><li>Second step</li></ol>');
    expect(html).toContain('<ul><li>Migrant organisations<ul><li>Nested point</li></ul></li>');
    expect(html).toContain('<a href="https://www.eurofound.europa.eu/clip">the CLIP network</a>');
    for (const word of ACCENTED_WORDS) expect(html).toContain(word);
  });

  it('keeps the table widths, the merged cells and the header row', async () => {
    const xml = await docxXml(await toDocx({ doc: caseStudy, title: 'T' }));
    const table = /<w:tbl>.*<\/w:tbl>/s.exec(xml)?.[0] ?? '';
    // 200, 100 and 150 px at 15 twips per pixel.
    expect(table).toContain(
      '<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="1500"/><w:gridCol w:w="2250"/></w:tblGrid>',
    );
    expect(table).toContain('<w:gridSpan w:val="2"/>');
    expect(table).toContain('<w:vMerge w:val="restart"/>');
    expect(table).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    expect(table).toContain('<w:tblHeader/>');
  });

  it('turns web images into links and drops script links', async () => {
    const xml = await docxXml(await toDocx({ doc: hostile, title: 'T' }));
    const rels = await docxXml(
      await toDocx({ doc: hostile, title: 'T' }),
      'word/_rels/document.xml.rels',
    );
    expect(`${xml}${rels}`).not.toMatch(/javascript:|svg|\/etc\/passwd/i);
    const { value } = await mammoth.convertToHtml({
      buffer: await toDocx({ doc: caseStudy, title: 'T' }),
    });
    expect(value).toContain('<a href="https://example.org/photo.jpg">[Photo]</a>');
  });
});

describe('PDF export', () => {
  it('sets the text, accents included, in a readable PDF', async () => {
    const buffer = await toPdf({ doc: caseStudy, title: 'Žene i đaci – Straßenfeste' });
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(buffer);
    expect(text).toContain('Žene i đaci – Straßenfeste');
    expect(text).toContain('Role of stakeholders');
    expect(text).toContain('Nested point');
    expect(text).toMatch(/Bologna\s+120\s+social/);
    for (const word of ACCENTED_WORDS) expect(text).toContain(word);
  });

  it('neither fetches nor reads hostile image addresses', async () => {
    const text = await pdfText(await toPdf({ doc: hostile, title: 'T' }));
    expect(text).toContain('click me');
    expect(text).toContain('[local file]');
  });
});

describe('exportDocument', () => {
  it('answers each format with its media type and puts the title in', async () => {
    const md = await exportDocument({ format: 'md', doc: caseStudy, title: 'A *title*' });
    expect(md.contentType).toBe('text/markdown; charset=utf-8');
    expect(md.body.toString('utf8')).toMatch(/^# A \\\*title\\\*\n\n# Wohnen/);
    const pdf = await exportDocument({ format: 'pdf', doc: caseStudy, title: 'T' });
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.extension).toBe('pdf');
  });

  it('makes a file name file systems accept, keeping accents', () => {
    expect(exportFileName('Čakovec: housing / "2024"', 'docx')).toBe('Čakovec housing 2024.docx');
    expect(exportFileName('\u0000', 'md')).toBe('document.md');
  });
});
