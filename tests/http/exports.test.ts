/**
 * `GET /api/documents/:id/export`: who may download what, with the live content of the
 * document (written through the collab server, as an editor's typing would be).
 */
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';
import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { getEditorSchema } from '../../shared/editor/extensions';
import { EDITOR_FRAGMENT } from '../../shared/editor/schema';
import {
  createApiClient,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/server';
import { ACCENTED_WORDS, caseStudyJson } from '../fixtures/caseStudyContent';
import { downloadExport, errorCode, publishDocument } from './exportDownload';
import {
  buildWorkspaceWorld,
  createDoc,
  expectStatus,
  useWorkspaceWorld,
  type WorkspaceWorld,
} from './workspaceWorld';

let server: TestServer;
let world: WorkspaceWorld;

useWorkspaceWorld((started) => {
  ({ server, world } = started);
});

/** A case study whose live content is `caseStudyJson()`. */
async function caseStudy(title = 'Wohnen in Čakovec'): Promise<DocumentDto> {
  const document = await createDoc(world, { title, kind: 'case-study' });
  await server.server.collab.change(document.id, (ydoc) => {
    const fragment = ydoc.getXmlFragment(EDITOR_FRAGMENT);
    fragment.delete(0, fragment.length);
    prosemirrorToYXmlFragment(getEditorSchema().nodeFromJSON(caseStudyJson()), fragment);
  });
  return document;
}

async function publish(document: DocumentDto): Promise<void> {
  await publishDocument(world, document);
}

async function download(client: ApiClient, documentId: string, format: string) {
  return downloadExport(server.url, client, documentId, `format=${format}`);
}

describe('document export', () => {
  it('downloads each format as an attachment named after the document', async () => {
    const document = await caseStudy();
    const expectations = {
      md: 'text/markdown; charset=utf-8',
      html: 'text/html; charset=utf-8',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
    };
    for (const [format, contentType] of Object.entries(expectations)) {
      const res = await download(world.viewer.client, document.id, format);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toBe(contentType);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="Wohnen in ?akovec.${format}"; filename*=UTF-8''Wohnen%20in%20%C4%8Cakovec.${format}`,
      );
    }
  });

  it('exports the live content: Markdown, HTML, DOCX structure and PDF text', async () => {
    const document = await caseStudy();
    const markdown = (await download(world.editor.client, document.id, 'md')).body.toString();
    expect(markdown).toMatch(/^# Wohnen in Čakovec\n\n# Wohnen in Stuttgart\n/);
    expect(markdown).toContain('| Bologna | 120 | social |');

    const html = (await download(world.editor.client, document.id, 'html')).body.toString();
    expect(html).toContain('<th colspan="2" style="width:250px">');

    const docx = (await download(world.editor.client, document.id, 'docx')).body;
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');

    const pdf = (await download(world.editor.client, document.id, 'pdf')).body;
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text } = await parser.getText();
    await parser.destroy();
    for (const word of ACCENTED_WORDS) expect(text).toContain(word);
  });

  it('lets anyone export a published document, and nobody outside a draft or the trash', async () => {
    const document = await caseStudy('Published case');
    expect((await download(world.anonymous, document.id, 'md')).status).toBe(404);
    expect((await download(world.outsider.client, document.id, 'md')).status).toBe(404);

    await publish(document);
    expect((await download(world.anonymous, document.id, 'docx')).status).toBe(200);
    expect((await download(world.outsider.client, document.id, 'pdf')).status).toBe(200);

    expectStatus(await world.owner.client.delete(`/api/documents/${document.id}`), 204);
    for (const client of [world.anonymous, world.owner.client, world.admin.client]) {
      const res = await download(client, document.id, 'md');
      expect(res.status).toBe(404);
      expect(errorCode(res.body)).toBe('not_found');
    }
  });

  it('answers 400 for an unknown or missing format, 404 for an unknown document', async () => {
    const document = await caseStudy();
    for (const format of ['odt', '', 'PDF']) {
      const res = await download(world.viewer.client, document.id, format);
      expect(res.status, format).toBe(400);
      expect(errorCode(res.body)).toBe('validation_failed');
    }
    const missing = await fetch(`${server.url}/api/documents/${document.id}/export`, {
      headers: { Cookie: world.viewer.client.cookieHeader() },
    });
    expect(missing.status).toBe(400);
    expect((await download(world.anonymous, 'no-such-document', 'md')).status).toBe(404);
  });
});

describe('export rate limit', () => {
  it('answers 429 rate_limited beyond EXPORT_RATE_LIMIT per minute, per account and per IP', async () => {
    const limited = await startTestServer({ EXPORT_RATE_LIMIT: '2' });
    try {
      const people = await buildWorkspaceWorld(limited.url);
      const res = await people.editor.client.post<{ document: DocumentDto }>(
        `/api/workspaces/${people.workspace.id}/documents`,
        { title: 'Limited', kind: 'note' },
      );
      const path = `/api/documents/${expectStatus(res, 201).document.id}/export?format=md`;
      const statuses = async (client: ApiClient): Promise<number[]> => {
        const answers: number[] = [];
        for (let i = 0; i < 3; i += 1) answers.push((await client.get(path)).status);
        return answers;
      };
      expect(await statuses(people.editor.client)).toEqual([200, 200, 429]);
      // Another account has its own budget; anonymous callers count by address.
      expect(await statuses(people.viewer.client)).toEqual([200, 200, 429]);
      const anonymous = await statuses(createApiClient(limited.url));
      expect(anonymous).toEqual([404, 404, 429]);
      const overLimit = await people.editor.client.get(path);
      expect([overLimit.status, overLimit.body.error?.code]).toEqual([429, 'rate_limited']);
      expect((await people.owner.client.get(path)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
