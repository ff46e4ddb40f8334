/**
 * `POST /api/workspaces/:id/documents/import`: real uploads (multipart, as a browser sends
 * them) of the DOCX and Markdown fixtures, who may import, and hostile uploads: each refusal
 * has its status and code, and leaves no document behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { buildZip } from '../fixtures/zipBuilder';
import { startTestServer, type TestServer } from '../helpers/server';
import { fixture, upload } from './importUpload';
import {
  buildWorkspaceWorld,
  documentsPath,
  expectStatus,
  type WorkspaceWorld,
} from './workspaceWorld';

async function documentCount(world: WorkspaceWorld): Promise<number> {
  const res = await world.owner.client.get<{ documents: DocumentDto[] }>(documentsPath(world));
  return expectStatus(res, 200).documents.length;
}

describe('document import', () => {
  let server: TestServer;
  let world: WorkspaceWorld;

  beforeAll(async () => {
    server = await startTestServer({
      IMPORT_MAX_BYTES: '200000',
      IMPORT_MAX_UNCOMPRESSED_BYTES: '4000000',
    });
    world = await buildWorkspaceWorld(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('creates a document from a Word file, named after it, with its outline', async () => {
    const res = await upload(world, world.editor.client, {
      files: [{ name: 'Bologna – stanovanje.docx', data: fixture('case-study-bologna.docx') }],
    });
    expect(res.status).toBe(201);
    const document = res.body.document!;
    expect(document).toMatchObject({
      title: 'Bologna – stanovanje',
      kind: 'case-study',
      status: 'draft',
    });
    expect(document.outline.map((h) => h.text)).toEqual([
      'Housing and integration in Bologna',
      'Role of stakeholders',
      'Steps taken',
      'Findings',
    ]);
    // The live document holds the content: its export shows it.
    const markdown = await fetch(`${server.url}/api/documents/${document.id}/export?format=md`, {
      headers: { Cookie: world.viewer.client.cookieHeader() },
    });
    const text = await markdown.text();
    expect(text).toContain('## Role of stakeholders');
    expect(text).toContain('[the city website](https://www.comune.bologna.it/)');
    expect(text).toContain('| Navile | 120 | social |');
  });

  it('creates a document from a Markdown file, with the title given', async () => {
    const res = await upload(world, world.owner.client, {
      files: [{ name: 'stuttgart.md', data: fixture('case-study-stuttgart.md') }],
      fields: { kind: 'guideline', title: 'Stuttgart: intercultural policies' },
    });
    expect(res.status).toBe(201);
    expect(res.body.document).toMatchObject({
      title: 'Stuttgart: intercultural policies',
      kind: 'guideline',
    });
    expect(res.body.document?.outline[0]?.text).toBe('Intercultural policies in Stuttgart');
  });

  it('lets only owners and editors import', async () => {
    const file = { name: 'x.md', data: Buffer.from('# Hello') };
    expect((await upload(world, world.reviewer.client, { files: [file] })).status).toBe(403);
    expect((await upload(world, world.viewer.client, { files: [file] })).status).toBe(403);
    expect((await upload(world, world.outsider.client, { files: [file] })).status).toBe(404);
    expect((await upload(world, world.anonymous, { files: [file] })).status).toBe(401);
    expect((await upload(world, world.admin.client, { files: [file] })).status).toBe(201);
  });

  it('answers each bad upload with its code and creates nothing', async () => {
    const before = await documentCount(world);
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const cases: [string, Parameters<typeof upload>[2], number, string][] = [
      ['no file', { files: [] }, 400, 'import_file_missing'],
      [
        'no kind',
        { files: [{ name: 'a.md', data: Buffer.from('# A') }], fields: {} },
        400,
        'validation_failed',
      ],
      [
        'unknown kind',
        { files: [{ name: 'a.md', data: Buffer.from('# A') }], fields: { kind: 'poem' } },
        400,
        'validation_failed',
      ],
      [
        'two files',
        {
          files: [
            { name: 'a.md', data: Buffer.from('a') },
            { name: 'b.md', data: Buffer.from('b') },
          ],
        },
        400,
        'bad_request',
      ],
      [
        'too large',
        { files: [{ name: 'big.md', data: Buffer.alloc(300_000, 'a') }] },
        413,
        'file_too_large',
      ],
      [
        'zip bomb',
        {
          files: [
            { name: 'bomb.docx', data: buildZip([{ name: 'word/document.xml', data: zeros }]) },
          ],
        },
        413,
        'archive_too_large',
      ],
      [
        'lying zip bomb',
        {
          files: [
            {
              name: 'liar.docx',
              data: buildZip([{ name: 'word/document.xml', data: zeros, declaredSize: 10 }]),
            },
          ],
        },
        413,
        'archive_too_large',
      ],
      [
        'macros',
        { files: [{ name: 'm.docx', data: fixture('with-macros.docx') }] },
        415,
        'macros_not_allowed',
      ],
      [
        '.docm',
        { files: [{ name: 'm.docm', data: fixture('case-study-bologna.docx') }] },
        415,
        'macros_not_allowed',
      ],
      [
        'wrong type',
        { files: [{ name: 'sheet.xlsx', data: Buffer.from('x') }] },
        415,
        'unsupported_file_type',
      ],
      [
        'corrupt',
        { files: [{ name: 'c.docx', data: fixture('case-study-bologna.docx').subarray(0, 5000) }] },
        422,
        'corrupt_file',
      ],
      [
        'binary .md',
        { files: [{ name: 'c.md', data: Buffer.from([0, 1, 2, 0xff]) }] },
        422,
        'corrupt_file',
      ],
    ];
    for (const [name, form, status, code] of cases) {
      const res = await upload(world, world.editor.client, form);
      expect({ name, status: res.status, code: res.body.error?.code }).toEqual({
        name,
        status,
        code,
      });
    }
    const json = await world.editor.client.post(documentsPath(world, '/import'), { kind: 'note' });
    expect([json.status, json.body.error?.code]).toEqual([400, 'import_file_missing']);
    expect(await documentCount(world)).toBe(before);
  });
});

describe('document import into a small document cap', () => {
  it('refuses content bigger than a document may be (413 document_too_large)', async () => {
    const server = await startTestServer({ COLLAB_MAX_DOC_BYTES: '2048' });
    try {
      const world = await buildWorkspaceWorld(server.url);
      const res = await upload(world, world.editor.client, {
        files: [{ name: 'long.md', data: Buffer.from('Lorem ipsum dolor sit amet. '.repeat(200)) }],
      });
      expect([res.status, res.body.error?.code]).toEqual([413, 'document_too_large']);
      expect(await documentCount(world)).toBe(0);
    } finally {
      await server.close();
    }
  });
});
