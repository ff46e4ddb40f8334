/**
 * Review notes in exports, from ProseMirror JSON straight to the converters (no server): comment
 * threads as Word comments anchored on their text (replies, resolved threads, threads whose
 * text is gone), open suggestions as Word's tracked changes, and the plain formats showing the
 * document with its open suggestions rejected. The suggestion marks come from
 * `@handlewithcare/prosemirror-suggest-changes`, added here to the editor schema's marks as
 * suggestion mode adds them, so the converters are tested on the marks they will meet.
 */
import { addSuggestionMarks } from '@handlewithcare/prosemirror-suggest-changes';
import { Schema, type MarkSpec, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import {
  documentNodeFromJson,
  exportDocument,
  withoutOpenSuggestions,
  type ExportThread,
} from '../../server/exports';
import { toDocx } from '../../server/exports/docx';
import { toMarkdown } from '../../server/exports/markdown';
import {
  RESOLVED_NOTE,
  UNANCHORED_HEADING,
  UNKNOWN_SUGGESTION_AUTHOR,
} from '../../server/exports/docxReview';
import { getEditorSchema } from '../../shared/editor/extensions';

type JsonNode = Record<string, unknown>;

/** The editor schema with the suggestion marks, as suggestion mode will have it. */
function schemaWithSuggestions(): Schema {
  const base = getEditorSchema();
  const marks: Record<string, MarkSpec> = {};
  base.spec.marks.forEach((name, spec) => {
    marks[name] = spec;
  });
  return new Schema({ nodes: base.spec.nodes, marks: addSuggestionMarks(marks) });
}
const schema = schemaWithSuggestions();

const text = (value: string, ...marks: JsonNode[]): JsonNode =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content });
const comment = (threadId: string): JsonNode => ({ type: 'comment', attrs: { threadId } });
const inserted = (id: number): JsonNode => ({ type: 'insertion', attrs: { id } });
const deleted = (id: number): JsonNode => ({ type: 'deletion', attrs: { id } });

/**
 * Thread `t-roles` covers "Role of stakeholders" in the first paragraph and "NGOs" in the
 * next; `t-bold` covers bold text inside it; suggestion 1 inserts "new ", 2 deletes "old ".
 */
function reviewedJson(): JsonNode {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [text('Overview')] },
      paragraph(
        text('See the '),
        text('Role of ', comment('t-roles')),
        text('stakeholders', comment('t-roles'), comment('t-bold'), { type: 'bold' }),
        text(' section.'),
      ),
      paragraph(
        text('NGOs', comment('t-roles')),
        text(' run the '),
        text('new ', inserted(1)),
        text('old ', deleted(2)),
        text('shelters.'),
      ),
    ],
  };
}

const reviewed = schema.nodeFromJSON(reviewedJson());

const may = new Date('2026-05-04T09:30:00.000Z');
const june = new Date('2026-06-01T12:00:00.000Z');
const threads: ExportThread[] = [
  {
    id: 't-roles',
    isResolved: false,
    quote: 'Role of stakeholders NGOs',
    comments: [
      { authorName: 'Rita Reviewer', body: 'Which NGOs?\nName them.', createdAt: may },
      { authorName: 'Edda Editor', body: 'Caritas and the Red Cross.', createdAt: june },
    ],
  },
  {
    id: 't-bold',
    isResolved: true,
    quote: 'stakeholders',
    comments: [{ authorName: 'Olga Owner', body: 'Why bold?', createdAt: may }],
  },
  {
    id: 't-gone',
    isResolved: false,
    quote: 'a sentence that was deleted',
    comments: [{ authorName: 'Rita Reviewer', body: 'Keep this?', createdAt: june }],
  },
];

async function partOf(buffer: Buffer, name: string): Promise<string | null> {
  const zip = await JSZip.loadAsync(buffer);
  return (await zip.file(name)?.async('string')) ?? null;
}

/** The Word comments of a file (the docx package writes an empty comments part in every file). */
async function wordCommentsOf(buffer: Buffer): Promise<string[]> {
  const comments = (await partOf(buffer, 'word/comments.xml')) ?? '';
  return [...comments.matchAll(/<w:comment [^>]*>/g)].map((match) => match[0]);
}

/** The document.xml text between two markers (markers included). */
function between(xml: string, start: string, end: string): string {
  const from = xml.indexOf(start);
  const to = xml.indexOf(end, from);
  expect(from, start).toBeGreaterThan(-1);
  expect(to, end).toBeGreaterThan(from);
  return xml.slice(from, to + end.length);
}

async function reviewedDocx(doc: ProseMirrorNode = reviewed): Promise<Buffer> {
  return toDocx({
    doc,
    title: 'Housing in Bologna',
    review: {
      threads,
      suggestionAuthor: (id) =>
        id === '1' ? { authorName: 'Sam Suggester', createdAt: june } : undefined,
      now: may,
    },
  });
}

describe('DOCX with review notes: comments', () => {
  it('writes each thread as a Word comment with its author, text and replies', async () => {
    const comments = await partOf(await reviewedDocx(), 'word/comments.xml');
    expect(comments).not.toBeNull();
    // Comment ids: t-roles 0 (reply 1), t-bold 2, t-gone 3.
    expect(comments).toMatch(
      /<w:comment w:id="0" w:initials="RR" w:author="Rita Reviewer" w:date="2026-05-04T09:30:00.000Z">/,
    );
    expect(comments).toContain('<w:t xml:space="preserve">Which NGOs?</w:t>');
    expect(comments).toContain('<w:t xml:space="preserve">Name them.</w:t>');
    expect(comments).toMatch(/<w:comment w:id="1" w:initials="EE" w:author="Edda Editor"/);
    expect(comments).toContain('Caritas and the Red Cross.');
    expect(comments).toMatch(/<w:comment w:id="2" w:initials="OO" w:author="Olga Owner"/);
    expect(await wordCommentsOf(await reviewedDocx())).toHaveLength(4);
    // The resolved thread says so in its text too (Word's done flag needs reply threading).
    expect(comments?.match(new RegExp(RESOLVED_NOTE, 'g'))).toHaveLength(1);
    expect(comments?.indexOf(RESOLVED_NOTE)).toBeGreaterThan(comments?.indexOf('Why bold?') ?? 0);
  });

  it('threads replies to their comment and marks resolved threads done (commentsExtended)', async () => {
    const extended = await partOf(await reviewedDocx(), 'word/commentsExtended.xml');
    expect(extended).toContain('<w15:commentEx w15:paraId="00000001" w15:done="0"/>');
    expect(extended).toContain(
      '<w15:commentEx w15:paraId="00000002" w15:paraIdParent="00000001" w15:done="0"/>',
    );
    expect(extended).toContain('<w15:commentEx w15:paraId="00000003" w15:done="1"/>');
  });

  it('anchors a thread from its first to its last marked text, across paragraphs', async () => {
    const xml = (await partOf(await reviewedDocx(), 'word/document.xml')) ?? '';
    const roles = between(xml, '<w:commentRangeStart w:id="0"/>', '<w:commentRangeEnd w:id="0"/>');
    expect(roles).toContain('<w:commentRangeStart w:id="1"/>');
    expect(roles).toContain('Role of ');
    expect(roles).toContain('stakeholders');
    expect(roles).toContain('NGOs');
    expect(roles).not.toContain('See the ');
    expect(roles).not.toContain(' run the ');
    // The reply is anchored on the same text, and each comment has its reference run.
    expect(xml).toMatch(
      /<w:commentRangeEnd w:id="1"\/><w:r>(<w:rPr\/>)?<w:commentReference w:id="1"\/>/,
    );
    expect(xml).toMatch(
      /<w:commentRangeEnd w:id="0"\/><w:r>(<w:rPr\/>)?<w:commentReference w:id="0"\/>/,
    );
    // An overlapping thread covers just its own text.
    const bold = between(xml, '<w:commentRangeStart w:id="2"/>', '<w:commentRangeEnd w:id="2"/>');
    expect(bold).toContain('stakeholders');
    expect(bold).not.toContain('Role of ');
  });

  it('lists a thread whose text was deleted after the document, anchored on its quote', async () => {
    const xml = (await partOf(await reviewedDocx(), 'word/document.xml')) ?? '';
    const heading = xml.indexOf(UNANCHORED_HEADING);
    expect(heading).toBeGreaterThan(xml.indexOf('shelters.'));
    const gone = between(xml, '<w:commentRangeStart w:id="3"/>', '<w:commentRangeEnd w:id="3"/>');
    expect(gone).toContain('“a sentence that was deleted”');
    expect(xml.indexOf('<w:commentRangeStart w:id="3"/>')).toBeGreaterThan(heading);
  });

  it('writes no appendix when every thread is anchored, and no comments without review', async () => {
    const anchoredOnly = await toDocx({
      doc: reviewed,
      title: 'T',
      review: { threads: threads.slice(0, 2) },
    });
    expect(await partOf(anchoredOnly, 'word/document.xml')).not.toContain(UNANCHORED_HEADING);
    const plain = await toDocx({ doc: reviewed, title: 'T' });
    expect(await wordCommentsOf(plain)).toEqual([]);
    expect(await partOf(plain, 'word/document.xml')).not.toContain('commentRangeStart');
  });
});

describe('DOCX with review notes: tracked changes', () => {
  it('writes insertions as w:ins and deletions as w:del, with the suggestion author', async () => {
    const xml = (await partOf(await reviewedDocx(), 'word/document.xml')) ?? '';
    expect(xml).toMatch(
      /<w:ins w:id="\d+" w:author="Sam Suggester" w:date="2026-06-01T12:00:00Z"><w:r>(<w:rPr\/>)?<w:t xml:space="preserve">new <\/w:t><\/w:r><\/w:ins>/,
    );
    // Suggestion 2 has no known record: a generic author, dated at the export.
    expect(xml).toMatch(
      new RegExp(
        `<w:del w:id="\\d+" w:author="${UNKNOWN_SUGGESTION_AUTHOR}" w:date="2026-05-04T09:30:00Z"><w:r>(<w:rPr/>)?<w:delText xml:space="preserve">old </w:delText></w:r></w:del>`,
      ),
    );
    // Revision ids follow the comment ids (0–3), each its own.
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(['4', '5']);
  });

  it('reads back in a Word reader: inserted text present, deleted text gone, comments shown', async () => {
    const buffer = await reviewedDocx();
    const { value: raw } = await mammoth.extractRawText({ buffer });
    expect(raw).toContain('NGOs run the new shelters.');
    const { value: html, messages } = await mammoth.convertToHtml(
      { buffer },
      { styleMap: ['comment-reference => sup'] },
    );
    expect(messages.filter((message) => message.type === 'error')).toEqual([]);
    expect(html).toContain('Which NGOs?');
    expect(html).toContain('Caritas and the Red Cross.');
  });

  it('keeps formatting and links on suggested text', async () => {
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        paragraph(
          text('bold add', inserted(7), { type: 'bold' }),
          text('link gone', deleted(8), { type: 'link', attrs: { href: 'https://clip.eu/' } }),
        ),
      ],
    });
    const docx = await toDocx({ doc, title: 'T', review: { threads: [] } });
    const xml = (await partOf(docx, 'word/document.xml')) ?? '';
    expect(between(xml, '<w:ins ', '</w:ins>')).toContain('<w:b/>');
    expect(between(xml, '<w:hyperlink', '</w:hyperlink>')).toContain('<w:delText');
    expect(await wordCommentsOf(docx)).toEqual([]);
  });
});

describe('plain exports and open suggestions', () => {
  it('shows the document with open suggestions rejected: insertions out, deletions kept', async () => {
    const asItStands = withoutOpenSuggestions(reviewed);
    expect(asItStands.textContent).toContain('NGOs run the old shelters.');
    expect(asItStands.textContent).not.toContain('new ');

    const markdown = (await exportDocument({ format: 'md', doc: reviewed, title: 'T' })).body;
    expect(markdown.toString()).toContain('NGOs run the old shelters.');
    const html = (await exportDocument({ format: 'html', doc: reviewed, title: 'T' })).body;
    expect(html.toString()).toContain('NGOs run the old shelters.');
    expect(html.toString()).not.toMatch(/<(ins|del)\b/);
    const docx = (await exportDocument({ format: 'docx', doc: reviewed, title: 'T' })).body;
    const xml = (await partOf(docx, 'word/document.xml')) ?? '';
    expect(xml).not.toMatch(/<w:(ins|del) /);
    expect(xml).not.toContain('>new <');
    const pdf = (await exportDocument({ format: 'pdf', doc: reviewed, title: 'T' })).body;
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text: pdfText } = await parser.getText();
    await parser.destroy();
    expect(pdfText).toContain('NGOs run the old shelters.');
  });

  it('gives back the same document when the schema has no suggestion marks', () => {
    const doc = documentNodeFromJson({ type: 'doc', content: [paragraph(text('As is.'))] });
    expect(withoutOpenSuggestions(doc)).toBe(doc);
  });

  it('exports commented text as plain Markdown (the comment mark is not formatting)', () => {
    const doc = documentNodeFromJson({
      type: 'doc',
      content: [paragraph(text('Commented', comment('t-1')), text(' words.'))],
    });
    expect(toMarkdown(doc)).toBe('Commented words.\n');
  });
});
