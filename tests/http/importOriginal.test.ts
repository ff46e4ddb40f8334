/**
 * An import's original file, kept only on request (`keepOriginal=true`): downloaded byte for
 * byte by the document's signed-in readers with its type and name, 404 `original_not_found`
 * when none was kept, never shown to outsiders, the public or once the document is trashed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OriginalFileDto } from '../../shared/api/exports';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/server';
import { fixture, upload } from './importUpload';
import { buildWorkspaceWorld, expectStatus, type WorkspaceWorld } from './workspaceWorld';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function download(client: ApiClient, documentId: string) {
  const response = await fetch(`${client.baseUrl}/api/documents/${documentId}/original`, {
    headers: { Cookie: client.cookieHeader() },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    code: isJson
      ? (JSON.parse(bytes.toString('utf8')) as { error?: { code: string } }).error?.code
      : undefined,
  };
}

async function info(client: ApiClient, documentId: string) {
  return client.get<{ original: OriginalFileDto | null }>(
    `/api/documents/${documentId}/original/info`,
  );
}

describe('keeping the original file of an import', () => {
  let server: TestServer;
  let world: WorkspaceWorld;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorkspaceWorld(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('does not keep the file unless asked', async () => {
    const res = await upload(world, world.editor.client, {
      files: [{ name: 'stuttgart.md', data: fixture('case-study-stuttgart.md') }],
    });
    const documentId = res.body.document!.id;
    expect(expectStatus(await info(world.editor.client, documentId), 200)).toEqual({
      original: null,
    });
    const answer = await download(world.editor.client, documentId);
    expect([answer.status, answer.code]).toEqual([404, 'original_not_found']);

    const refused = await upload(world, world.editor.client, {
      files: [{ name: 'stuttgart.md', data: fixture('case-study-stuttgart.md') }],
      fields: { kind: 'case-study', keepOriginal: 'yes' },
    });
    expect([refused.status, refused.body.error?.code]).toEqual([400, 'validation_failed']);
  });

  it('keeps a Word file when asked: its readers download the same bytes, typed and named', async () => {
    const file = fixture('case-study-bologna.docx');
    const res = await upload(world, world.editor.client, {
      files: [{ name: 'Bologna – stanovanje.docx', data: file }],
      fields: { kind: 'case-study', keepOriginal: 'true' },
    });
    expect(res.status).toBe(201);
    const documentId = res.body.document!.id;

    const kept = expectStatus(await info(world.viewer.client, documentId), 200).original;
    expect(kept).toMatchObject({ name: 'Bologna – stanovanje.docx', contentType: DOCX_TYPE });
    expect(kept?.size).toBe(file.length);
    expect(Number.isNaN(Date.parse(kept?.createdAt ?? ''))).toBe(false);

    for (const reader of [world.owner, world.editor, world.reviewer, world.viewer, world.admin]) {
      const answer = await download(reader.client, documentId);
      expect(answer.status).toBe(200);
      expect(answer.bytes.equals(file)).toBe(true);
      expect(answer.headers.get('content-type')).toBe(DOCX_TYPE);
      const disposition = answer.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment;/);
      expect(disposition).toContain(`filename*=UTF-8''Bologna%20%E2%80%93%20stanovanje.docx`);
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
    }

    // Outsiders as for a document that does not exist; the public never (even published).
    const outsider = await download(world.outsider.client, documentId);
    expect([outsider.status, outsider.code]).toEqual([404, 'not_found']);
    expect((await info(world.outsider.client, documentId)).status).toBe(404);
    expect((await download(world.anonymous, documentId)).status).toBe(401);
    expect((await info(world.anonymous, documentId)).status).toBe(401);
  });

  it('keeps a Markdown file as UTF-8 Markdown, under its name without a path', async () => {
    const data = Buffer.from('# Zürich\n\nWohnen für alle.\n');
    const res = await upload(world, world.owner.client, {
      files: [{ name: 'notes/zürich "draft".md', data }],
      fields: { kind: 'guideline', keepOriginal: 'true' },
    });
    expect(res.status).toBe(201);
    const answer = await download(world.owner.client, res.body.document!.id);
    expect(answer.status).toBe(200);
    expect(answer.bytes.toString('utf8')).toBe('# Zürich\n\nWohnen für alle.\n');
    expect(answer.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const kept = expectStatus(await info(world.owner.client, res.body.document!.id), 200);
    expect(kept.original?.name).toBe(`zürich 'draft'.md`);
  });

  it('keeps nothing when the import is refused, and hides the file of a trashed document', async () => {
    const refused = await upload(world, world.editor.client, {
      files: [{ name: 'c.docx', data: fixture('case-study-bologna.docx').subarray(0, 5000) }],
      fields: { kind: 'case-study', keepOriginal: 'true' },
    });
    expect([refused.status, refused.body.error?.code]).toEqual([422, 'corrupt_file']);

    const res = await upload(world, world.editor.client, {
      files: [{ name: 'trash.md', data: Buffer.from('# To the trash') }],
      fields: { kind: 'note', keepOriginal: 'true' },
    });
    const documentId = res.body.document!.id;
    expect((await download(world.owner.client, documentId)).status).toBe(200);
    expectStatus(await world.owner.client.delete(`/api/documents/${documentId}`), 204);
    const trashed = await download(world.owner.client, documentId);
    expect([trashed.status, trashed.code]).toEqual([404, 'not_found']);
  });
});
