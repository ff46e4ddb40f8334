/**
 * When the collaboration server refuses or ends a connection for a reason other than lost
 * access (here: the per-account connection cap, 4429), the editor must say what happened and
 * offer a way back, not claim that the person lost access to the document.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DocumentDto, WorkspaceDto } from '../../shared/api/entities';
import { createApiClient, signUpAdmin, startTestServer, type TestServer } from '../helpers/server';
import { launchBrowser, newPerson } from './browser';
import { editorOf, expectNoSeriousA11yIssues, PASSWORD, signIn, syncStateOf } from './steps';

let server: TestServer;
let browser: Browser;
let documentUrl = '';

describe('editor when the collaboration server refuses the connection', () => {
  beforeAll(async () => {
    server = await startTestServer(
      { COLLAB_MAX_CONNECTIONS_PER_USER: '1' },
      { clientDir: inject('e2eClientDir') },
    );
    const admin = createApiClient(server.url);
    await signUpAdmin(admin, {
      name: 'Ana Admin',
      email: 'ana@stuttgart.example',
      password: PASSWORD,
    });
    const created = await admin.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
      name: 'Housing and integration',
    });
    const document = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${created.body.workspace.id}/documents`,
      { title: 'Notes from the Bologna visit', kind: 'note' },
    );
    documentUrl = `/documents/${document.body.document.id}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('explains a refused connection (too many) and reconnects on "Try again"', async () => {
    const { context, page: first } = await newPerson({ browser, baseURL: server.url });
    await signIn({ page: first, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await first.goto(documentUrl);
    await expect.poll(() => syncStateOf(first)).toBe('saved');

    // A second tab of the same account is over the cap of one connection.
    const second = await context.newPage();
    await second.goto(documentUrl);
    const alert = second.getByRole('alert');
    await alert.getByText(/too many connections/i).waitFor();
    expect(await alert.innerText()).not.toContain('no longer have access');
    await expectNoSeriousA11yIssues(second);

    await first.close();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await editorOf(second).waitFor();
    await expect.poll(() => syncStateOf(second)).toBe('saved');
    await context.close();
  });
});
